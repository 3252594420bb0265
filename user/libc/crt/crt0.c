/* Program entry: _start takes argc, argv, envp and the auxiliary vector from the stack Linux builds. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv, char** envp);
void __libc_init(char** argv, char** envp, unsigned long* auxv);
_Noreturn void __libc_start_main(unsigned long* sp);

/*
 * At entry esp points at argc, followed by argv[0..argc-1], NULL, envp[...], NULL,
 * then (type, value) auxv pairs up to AT_NULL. ebp is cleared to end frame-pointer
 * backtraces; the stack is realigned to 16 bytes for the C code.
 */
__asm__(".text\n"
        ".globl _start\n"
        ".type _start, @function\n"
        "_start:\n"
        "    xorl %ebp, %ebp\n"
        "    movl %esp, %eax\n"
        "    andl $-16, %esp\n"
        "    subl $12, %esp\n"
        "    pushl %eax\n"
        "    call __libc_start_main\n"
        "    hlt\n"
        ".size _start, .-_start\n");

/* Constructors the linker gathered (__attribute__((constructor)) and friends). */
extern void (*__preinit_array_start[])(int, char**, char**) __attribute__((weak));
extern void (*__preinit_array_end[])(int, char**, char**) __attribute__((weak));
extern void (*__init_array_start[])(int, char**, char**) __attribute__((weak));
extern void (*__init_array_end[])(int, char**, char**) __attribute__((weak));

_Noreturn void __libc_start_main(unsigned long* sp)
{
    int argc = (int)sp[0];
    char** argv = (char**)(sp + 1);
    char** envp = argv + argc + 1;
    char** p = envp;
    while (*p)
        ++p;
    __libc_init(argv, envp, (unsigned long*)(p + 1));

    for (size_t i = 0; i < (size_t)(__preinit_array_end - __preinit_array_start); ++i)
        __preinit_array_start[i](argc, argv, envp);
    for (size_t i = 0; i < (size_t)(__init_array_end - __init_array_start); ++i)
        __init_array_start[i](argc, argv, envp);

    exit(main(argc, argv, envp));
}
