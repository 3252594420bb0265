/* tiny - the smallest static program: exit(0) by int 0x80, no libc, no
 * stack set-up. lkbench's "exec" row runs it to time fork+exec+wait where the
 * binary itself costs nothing to load. Built with -nostdlib -static. */
void _start(void)
{
    __asm__ volatile("int $0x80" : : "a"(1), "b"(0)); /* __NR_exit */
    __builtin_unreachable();
}
