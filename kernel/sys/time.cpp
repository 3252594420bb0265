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
constexpr int64_t ns_per_second = 1000000000;

struct Now {
    int64_t seconds;
    long nanoseconds;
};

Now from_ns(int64_t ns)
{
    int64_t seconds = ns / ns_per_second;
    long rest = static_cast<long>(ns % ns_per_second);
    if (rest < 0) {
        rest += ns_per_second;
        --seconds;
    }
    return { seconds, rest };
}

Now realtime()
{
    return from_ns(ktime_get_real_ns());
}

long clock_t_from_ticks(uint64_t ticks)
{
    return static_cast<long>(ticks * user_hz / HZ);
}

// The time of `clock` in ns, or -EINVAL for a clock kernlab does not have.
int read_clock(int clock, int64_t& ns)
{
    switch (clock) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
        ns = ktime_get_real_ns();
        return 0;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:   // no suspend: the same as monotonic
        ns = static_cast<int64_t>(local_clock());
        return 0;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        ns = static_cast<int64_t>((current->utime_ticks + current->stime_ticks) * (1000000000ull / HZ));
        return 0;
    default:
        return -EINVAL;
    }
}

int clock_resolution(int clock, int64_t& ns)
{
    int64_t ignored;
    if (int error = read_clock(clock, ignored))
        return error;
    // The coarse clocks move with the tick; the others are read from the TSC (Linux: hrtimer resolution, 1 ns).
    ns = (clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE) ? ns_per_second / HZ : 1;
    return 0;
}

// Only CLOCK_REALTIME can be set, by root (Linux: CAP_SYS_TIME).
int set_clock(int clock, int64_t seconds, long nanoseconds)
{
    if (clock != CLOCK_REALTIME)
        return -EINVAL;   // unknown, or not settable (Linux: the same error)
    if (current->cred.euid != 0)
        return -EPERM;
    if (seconds < 0 || nanoseconds < 0 || nanoseconds >= ns_per_second)
        return -EINVAL;
    do_settime_real_ns(seconds * ns_per_second + nanoseconds);
    return 0;
}

// Sleeps `ns` nanoseconds; on a signal stores what was left in `left_ns` and returns -EINTR.
long sleep_ns(int64_t ns, int64_t& left_ns)
{
    uint64_t wait = static_cast<uint64_t>(ns);
    unsigned long ticks = static_cast<unsigned long>((wait * HZ + 999999999ull) / 1000000000ull);
    unsigned long deadline = jiffies + ticks + (ticks ? 1 : 0);
    if (sleep_interruptible_until(deadline))
        return 0;
    unsigned long left = time_after(deadline, jiffies) ? deadline - jiffies : 0;
    left_ns = static_cast<int64_t>(left) * (ns_per_second / HZ);
    return -EINTR;
}

// clock_nanosleep for both timespec widths: `request_ns` relative, or absolute with TIMER_ABSTIME.
long do_clock_nanosleep(int clock, int flags, int64_t request_ns, int64_t& left_ns, bool& store_left)
{
    store_left = false;
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
        return clock == CLOCK_PROCESS_CPUTIME_ID ? -EOPNOTSUPP : -EINVAL;
    if (flags & ~TIMER_ABSTIME)
        return -EINVAL;
    int64_t ns = request_ns;
    if (flags & TIMER_ABSTIME) {
        int64_t now = 0;
        read_clock(clock, now);
        ns = request_ns - now;
        if (ns <= 0)
            return 0;
    }
    long result = sleep_ns(ns, left_ns);
    store_left = result == -EINTR && !(flags & TIMER_ABSTIME);   // Linux leaves rmtp alone for absolute sleeps
    return result;
}

bool valid_timespec(int64_t seconds, long long nanoseconds)
{
    return seconds >= 0 && nanoseconds >= 0 && nanoseconds < ns_per_second;
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

extern "C" long sys_settimeofday(const struct timeval __user* tv, const struct timezone __user* tz)
{
    struct timeval value {};
    if (tv && copy_from_user(&value, tv, sizeof(value)))
        return -EFAULT;
    if (tz) {
        struct timezone zone;
        if (copy_from_user(&zone, tz, sizeof(zone)))
            return -EFAULT;
        if (current->cred.euid != 0)
            return -EPERM;   // the time zone is not kept: kernlab's time is UTC
    }
    if (!tv)
        return 0;
    if (value.tv_usec < 0 || value.tv_usec >= 1000000)
        return -EINVAL;
    return set_clock(CLOCK_REALTIME, value.tv_sec, value.tv_usec * 1000);
}

extern "C" long sys_clock_gettime(int clock, struct timespec __user* tp)
{
    int64_t ns;
    if (int error = read_clock(clock, ns))
        return error;
    Now now = from_ns(ns);
    struct timespec value { static_cast<long>(now.seconds), now.nanoseconds };
    return copy_to_user(tp, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_clock_gettime64(int clock, struct __kernel_timespec __user* tp)
{
    int64_t ns;
    if (int error = read_clock(clock, ns))
        return error;
    Now now = from_ns(ns);
    struct __kernel_timespec value { now.seconds, now.nanoseconds };
    return copy_to_user(tp, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_clock_settime(int clock, const struct timespec __user* tp)
{
    struct timespec value;
    if (copy_from_user(&value, tp, sizeof(value)))
        return -EFAULT;
    return set_clock(clock, value.tv_sec, value.tv_nsec);
}

extern "C" long sys_clock_settime64(int clock, const struct __kernel_timespec __user* tp)
{
    struct __kernel_timespec value;
    if (copy_from_user(&value, tp, sizeof(value)))
        return -EFAULT;
    // The upper half of tv_nsec is ignored from 32-bit callers, as Linux's get_timespec64.
    return set_clock(clock, value.tv_sec, static_cast<long>(value.tv_nsec));
}

extern "C" long sys_clock_getres(int clock, struct timespec __user* res)
{
    int64_t ns;
    if (int error = clock_resolution(clock, ns))
        return error;
    struct timespec value { 0, static_cast<long>(ns) };
    if (res && copy_to_user(res, &value, sizeof(value)))
        return -EFAULT;
    return 0;
}

extern "C" long sys_clock_getres_time64(int clock, struct __kernel_timespec __user* res)
{
    int64_t ns;
    if (int error = clock_resolution(clock, ns))
        return error;
    struct __kernel_timespec value { 0, ns };
    if (res && copy_to_user(res, &value, sizeof(value)))
        return -EFAULT;
    return 0;
}

extern "C" long sys_nanosleep(const struct timespec __user* request, struct timespec __user* remaining)
{
    struct timespec value;
    if (copy_from_user(&value, request, sizeof(value)))
        return -EFAULT;
    if (!valid_timespec(value.tv_sec, value.tv_nsec))
        return -EINVAL;
    int64_t left = 0;
    long result = sleep_ns(static_cast<int64_t>(value.tv_sec) * ns_per_second + value.tv_nsec, left);
    if (result == -EINTR && remaining) {
        Now rest = from_ns(left);
        struct timespec out { static_cast<long>(rest.seconds), rest.nanoseconds };
        if (copy_to_user(remaining, &out, sizeof(out)))
            return -EFAULT;
    }
    return result;
}

extern "C" long sys_clock_nanosleep(int clock, int flags, const struct timespec __user* request,
    struct timespec __user* remaining)
{
    struct timespec value;
    if (copy_from_user(&value, request, sizeof(value)))
        return -EFAULT;
    if (!valid_timespec(value.tv_sec, value.tv_nsec))
        return -EINVAL;
    int64_t left = 0;
    bool store = false;
    long result = do_clock_nanosleep(clock, flags, static_cast<int64_t>(value.tv_sec) * ns_per_second + value.tv_nsec,
        left, store);
    if (store && remaining) {
        Now rest = from_ns(left);
        struct timespec out { static_cast<long>(rest.seconds), rest.nanoseconds };
        if (copy_to_user(remaining, &out, sizeof(out)))
            return -EFAULT;
    }
    return result;
}

extern "C" long sys_clock_nanosleep_time64(int clock, int flags, const struct __kernel_timespec __user* request,
    struct __kernel_timespec __user* remaining)
{
    struct __kernel_timespec value;
    if (copy_from_user(&value, request, sizeof(value)))
        return -EFAULT;
    long long nanoseconds = static_cast<long>(value.tv_nsec);   // 32-bit callers: the low half counts
    if (!valid_timespec(value.tv_sec, nanoseconds))
        return -EINVAL;
    int64_t left = 0;
    bool store = false;
    constexpr int64_t max_seconds = 0x7fffffffffffffffll / ns_per_second - 1;   // no overflow in ns
    int64_t seconds = value.tv_sec > max_seconds ? max_seconds : value.tv_sec;
    long result = do_clock_nanosleep(clock, flags, seconds * ns_per_second + nanoseconds, left, store);
    if (store && remaining) {
        Now rest = from_ns(left);
        struct __kernel_timespec out { rest.seconds, rest.nanoseconds };
        if (copy_to_user(remaining, &out, sizeof(out)))
            return -EFAULT;
    }
    return result;
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
