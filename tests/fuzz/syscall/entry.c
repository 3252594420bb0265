/* The fuzzer's ways into the kernel: int 0x80 with the raw result (no errno),
 * one for the fork family whose new process exits before touching its stack
 * (which may be garbage, or shared with us), and one for sigreturn on a frame
 * of our making. */
#include "sysfuzz.h"

/* The libc's own int 0x80 entry: it gives the raw result, -errno included. */
long __syscall6(long n, long a, long b, long c, long d, long e, long f);

long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
    return __syscall6(nr, a, b, c, d, e, f);
}

/* long raw_fork_syscall(nr, a, b, c, d, e): in the new process (eax 0) exit(0) at
 * once, in registers only: clone may have given it a bad stack or ours. */
__asm__(".text\n"
        ".globl raw_fork_syscall\n"
        ".type raw_fork_syscall, @function\n"
        "raw_fork_syscall:\n"
        "    pushl %edi\n"
        "    pushl %esi\n"
        "    pushl %ebx\n"
        "    movl 16(%esp), %eax\n"
        "    movl 20(%esp), %ebx\n"
        "    movl 24(%esp), %ecx\n"
        "    movl 28(%esp), %edx\n"
        "    movl 32(%esp), %esi\n"
        "    movl 36(%esp), %edi\n"
        "    int $0x80\n"
        "    testl %eax, %eax\n"
        "    jnz 1f\n"
        "    movl $1, %eax\n"          /* __NR_exit: this thread only */
        "    xorl %ebx, %ebx\n"
        "    int $0x80\n"
        "1:  popl %ebx\n"
        "    popl %esi\n"
        "    popl %edi\n"
        "    ret\n"
        ".size raw_fork_syscall, .-raw_fork_syscall\n");

/* raw_sigreturn(nr, frame): the kernel restores whatever the frame says; if it
 * refuses and returns, exit(0). */
__asm__(".text\n"
        ".globl raw_sigreturn\n"
        ".type raw_sigreturn, @function\n"
        "raw_sigreturn:\n"
        "    movl 4(%esp), %eax\n"
        "    movl 8(%esp), %esp\n"
        "    int $0x80\n"
        "    movl $1, %eax\n"
        "    xorl %ebx, %ebx\n"
        "    int $0x80\n"
        ".size raw_sigreturn, .-raw_sigreturn\n");

volatile uint32_t *sigreturn_report;

/* After a sigreturn the kernel accepted: what EFLAGS did it let through? */
__asm__(".text\n"
        ".globl sigreturn_landing\n"
        ".type sigreturn_landing, @function\n"
        "sigreturn_landing:\n"
        "    pushfl\n"
        "    popl %eax\n"
        "    movl sigreturn_report, %ecx\n"
        "    movl %eax, (%ecx)\n"
        "    movl $1, %eax\n"
        "    xorl %ebx, %ebx\n"
        "    int $0x80\n"
        ".size sigreturn_landing, .-sigreturn_landing\n");
