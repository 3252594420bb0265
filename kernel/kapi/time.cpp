// Clocks for modules (include/linux/timekeeping.h): nanoseconds since boot from
// the kernel's local_clock, wall time from the boot-time CMOS reading.
#include <kernel/time.h>
#include <kernel/vfs.h>
#include <linux/export.h>
#include <linux/timekeeping.h>

extern "C" u64 ktime_get_ns(void)
{
    return local_clock();
}
EXPORT_SYMBOL(ktime_get_ns);

extern "C" void ktime_get_ts64(struct timespec64* ts)
{
    uint64_t ns = local_clock();
    ts->tv_sec = static_cast<time64_t>(ns / NSEC_PER_SEC);
    ts->tv_nsec = static_cast<long>(ns % NSEC_PER_SEC);
}
EXPORT_SYMBOL(ktime_get_ts64);

// The seconds are the CMOS clock's; the fraction comes from the boot clock,
// as the kernel's clock_gettime(CLOCK_REALTIME) does.
extern "C" void ktime_get_real_ts64(struct timespec64* ts)
{
    ts->tv_sec = ktime_get_real_seconds();
    ts->tv_nsec = static_cast<long>(local_clock() % NSEC_PER_SEC);
}
EXPORT_SYMBOL(ktime_get_real_ts64);

static_assert(__is_same(decltype(&ktime_get_real_seconds), time64_t (*)()));
EXPORT_SYMBOL(ktime_get_real_seconds);
