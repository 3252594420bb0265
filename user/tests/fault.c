/* fault - provoke a CPU exception for the fault tests: null, kernel, ill, div. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    printf("fault: %s\n", what);
    fflush(stdout);
    if (!strcmp(what, "null")) {
        volatile int *p = (volatile int *)0;
        return *p; /* page fault, user access to an unmapped page -> SIGSEGV */
    } else if (!strcmp(what, "kernel")) {
        volatile int *p = (volatile int *)0xC0000000;
        *p = 1; /* page fault, user write to a supervisor page -> SIGSEGV */
    } else if (!strcmp(what, "ill")) {
        __asm__ volatile("ud2"); /* invalid opcode -> SIGILL */
    } else if (!strcmp(what, "div")) {
        volatile int zero = 0, one = 1;
        return one / zero; /* divide error -> SIGFPE */
    } else {
        fprintf(stderr, "usage: fault null|kernel|ill|div\n");
        return 2;
    }
    printf("fault: survived?!\n");
    return 1;
}
