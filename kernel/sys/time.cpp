// Time for user space: time, gettimeofday, clock_gettime, nanosleep, times.
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/vfs.h>
#include <linux/errno.h>
#include <linux/time.h>
#include <linux/times.h>

namespace {

constexpr long user_hz = 100;   // USER_HZ: clock_t ticks as user space counts them

struct Now {
    int64_t seconds;
    long nanoseconds;
};

Now realtime()
{
    uint64_t ns = local_clock();
    return { ktime_get_real_seconds(), static_cast<long>(ns % 1000000000ull) };
}

Now monotonic()
{
    uint64_t ns = local_clock();
    return { static_cast<int64_t>(ns / 1000000000ull), static_cast<long>(ns % 1000000000ull) };
}

long clock_t_from_ticks(uint64_t ticks)
{
    return static_cast<long>(ticks * user_hz / HZ);
}

} // namespace

extern "C" long sys_time(long __user* result)
{
    long seconds = static_cast<long>(realtime().seconds);
    if (result && put_user_value(seconds, result))
        return -EFAULT;
    return seconds;
}

extern "C" long sys_gettimeofday(struct timeval __user* tv, struct timezone __user* tz)
{
    if (tv) {
        Now now = realtime();
        struct timeval value { static_cast<long>(now.seconds), now.nanoseconds / 1000 };
        if (copy_to_user(tv, &value, sizeof(value)))
            return -EFAULT;
    }
    if (tz) {
        struct timezone zone { 0, 0 };
        if (copy_to_user(tz, &zone, sizeof(zone)))
            return -EFAULT;
    }
    return 0;
}

extern "C" long sys_clock_gettime(int clock, struct timespec __user* tp)
{
    Now now;
    switch (clock) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
        now = realtime();
        break;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
        now = monotonic();
        break;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID: {
        uint64_t ns = (current->utime_ticks + current->stime_ticks) * (1000000000ull / HZ);
        now = { static_cast<int64_t>(ns / 1000000000ull), static_cast<long>(ns % 1000000000ull) };
        break;
    }
    default:
        return -EINVAL;
    }
    struct timespec value { static_cast<long>(now.seconds), now.nanoseconds };
    return copy_to_user(tp, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_clock_getres(int clock, struct timespec __user* res)
{
    if (clock < 0 || clock > CLOCK_BOOTTIME)
        return -EINVAL;
    struct timespec value { 0, 1 };
    if (res && copy_to_user(res, &value, sizeof(value)))
        return -EFAULT;
    return 0;
}

namespace {

long sleep_for(const struct timespec __user* request, struct timespec __user* remaining)
{
    struct timespec value;
    if (copy_from_user(&value, request, sizeof(value)))
        return -EFAULT;
    if (value.tv_sec < 0 || value.tv_nsec < 0 || value.tv_nsec >= 1000000000)
        return -EINVAL;
    uint64_t ns = static_cast<uint64_t>(value.tv_sec) * 1000000000ull + static_cast<uint64_t>(value.tv_nsec);
    unsigned long ticks = static_cast<unsigned long>((ns * HZ + 999999999ull) / 1000000000ull);
    unsigned long deadline = jiffies + ticks + (ticks ? 1 : 0);
    if (sleep_interruptible_until(deadline))
        return 0;
    if (remaining) {
        unsigned long left = time_after(deadline, jiffies) ? deadline - jiffies : 0;
        struct timespec rest { static_cast<long>(left / HZ), static_cast<long>(left % HZ * (1000000000 / HZ)) };
        if (copy_to_user(remaining, &rest, sizeof(rest)))
            return -EFAULT;
    }
    return -EINTR;
}

} // namespace

extern "C" long sys_nanosleep(const struct timespec __user* request, struct timespec __user* remaining)
{
    return sleep_for(request, remaining);
}

extern "C" long sys_clock_nanosleep(int clock, int flags, const struct timespec __user* request,
    struct timespec __user* remaining)
{
    if (flags != 0)
        return -EINVAL;   // TIMER_ABSTIME is not supported
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
        return -EINVAL;
    return sleep_for(request, remaining);
}

extern "C" long sys_times(struct tms __user* buffer)
{
    if (buffer) {
        struct tms value {
            clock_t_from_ticks(current->utime_ticks), clock_t_from_ticks(current->stime_ticks),
                clock_t_from_ticks(current->cutime_ticks), clock_t_from_ticks(current->cstime_ticks)
        };
        if (copy_to_user(buffer, &value, sizeof(value)))
            return -EFAULT;
    }
    return clock_t_from_ticks(jiffies_64);
}

extern "C" long sys_sched_yield()
{
    schedule();
    return 0;
}
