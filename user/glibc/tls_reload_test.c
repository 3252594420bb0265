/* tls_reload_test: set_thread_area on a descriptor that %fs has loaded takes
 * effect at once, as on Linux (do_set_thread_area reloads the selector): the
 * kernel's way out, which skips loading selectors that did not change, must
 * not keep the old base. %fs, since glibc's own TLS is %gs. */
#include <asm/ldt.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned first_area[4] = { 0x1111 }, second_area[4] = { 0x2222 };

static long set_thread_area(struct user_desc *desc)
{
    long result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(SYS_set_thread_area), "b"(desc) : "memory");
    return result;
}

static unsigned fs_word(void)
{
    unsigned value;
    __asm__ volatile("movl %%fs:0, %0" : "=r"(value));
    return value;
}

static void load_fs(unsigned short selector)
{
    __asm__ volatile("movw %0, %%fs" : : "r"(selector));
}

int main(void)
{
    struct user_desc desc = {
        .entry_number = -1, .base_addr = (unsigned)first_area, .limit = 0xfffff,
        .seg_32bit = 1, .limit_in_pages = 1, .useable = 1,
    };
    if (set_thread_area(&desc)) {
        puts("tls_reload_test: set_thread_area failed");
        return 1;
    }
    load_fs((unsigned short)(desc.entry_number * 8 + 3));
    unsigned loaded = fs_word();
    desc.base_addr = (unsigned)second_area;
    long again = set_thread_area(&desc);
    unsigned after = fs_word();
    syscall(SYS_getpid);
    unsigned after_syscall = fs_word();
    sched_yield();
    unsigned after_yield = fs_word();
    load_fs(0);
    printf("tls_reload_test: %x, then %x, %x after a system call, %x after sched_yield\n", loaded, after,
        after_syscall, after_yield);
    int ok = again == 0 && loaded == 0x1111 && after == 0x2222 && after_syscall == 0x2222 && after_yield == 0x2222;
    puts(ok ? "tls_reload_test: ok" : "tls_reload_test: FAIL");
    return !ok;
}
