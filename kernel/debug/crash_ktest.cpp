// Deliberate crashes, for the boot tests of the oops and panic reports.
// Explicit-only, so `ktest=all` never runs them.
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <linux/printk.h>

// noinline and a real name: the boot test looks for it in the backtrace.
[[gnu::noinline]] void crash_write_to_null(volatile int* pointer)
{
    *pointer = 0x2a;
}

KTEST_EXPLICIT(crash_null_dereference)
{
    printk(KERN_INFO "crash_null_dereference: writing to address 0\n");
    crash_write_to_null(nullptr);
}

[[gnu::noinline]] int crash_divide(int divisor)
{
    volatile int dividend = 100;   // volatile: the compiler must really divide
    return dividend / divisor;
}

KTEST_EXPLICIT(crash_divide_error)
{
    printk(KERN_INFO "crash_divide_error: dividing by zero\n");
    crash_divide(0);
}

KTEST_EXPLICIT(crash_panic)
{
    panic("ktest crash_panic: deliberate panic");
}
