/* syscall(2), the six-argument system call stub, and the errno convention for all wrappers. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>

#include "../internal/syscall.h"

long __syscall_ret(unsigned long result)
{
    if (result > -4096UL) {
        errno = -(long)result;
        return -1;
    }
    return (long)result;
}

/* long __syscall6(n, a, b, c, d, e, f): cdecl, so the arguments sit at 4(%esp)..28(%esp). */
__asm__(".text\n"
        ".globl __syscall6\n"
        ".type __syscall6, @function\n"
        "__syscall6:\n"
        "    pushl %ebp\n"
        "    pushl %edi\n"
        "    pushl %esi\n"
        "    pushl %ebx\n"
        "    movl 20(%esp), %eax\n"
        "    movl 24(%esp), %ebx\n"
        "    movl 28(%esp), %ecx\n"
        "    movl 32(%esp), %edx\n"
        "    movl 36(%esp), %esi\n"
        "    movl 40(%esp), %edi\n"
        "    movl 44(%esp), %ebp\n"
        "    int $0x80\n"
        "    popl %ebx\n"
        "    popl %esi\n"
        "    popl %edi\n"
        "    popl %ebp\n"
        "    ret\n"
        ".size __syscall6, .-__syscall6\n");

long syscall(long number, ...)
{
    va_list ap;
    va_start(ap, number);
    long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long);
    long d = va_arg(ap, long), e = va_arg(ap, long), f = va_arg(ap, long);
    va_end(ap);
    return __syscall_ret(__syscall6(number, a, b, c, d, e, f));
}
