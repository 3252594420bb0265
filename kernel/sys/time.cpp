// Time for user space: time, gettimeofday, clock_gettime, nanosleep, times.
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/user_time.h>
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

// Sleeps `ns` nanoseconds of CLOCK_MONOTONIC; on a signal stores what was left
// in `left_ns` and returns -EINTR. The wait is in ticks, and ticks and the
// TSC clock may drift apart a little under QEMU: sleep again until the
// monotonic clock says the time has passed, as an hrtimer would.
long sleep_ns(int64_t ns, int64_t& left_ns)
{
    int64_t now = 0;
    read_clock(CLOCK_MONOTONIC, now);
    const int64_t target = now + ns;
    while (ns > 0) {
        if (!sleep_interruptible_until(jiffies_deadline_in_ns(static_cast<uint64_t>(ns)))) {
            read_clock(CLOCK_MONOTONIC, now);
            left_ns = target > now ? target - now : 0;
            return -EINTR;
        }
        read_clock(CLOCK_MONOTONIC, now);
        ns = target - now;
    }
    return 0;
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

namespace {

// The time32 and time64 forms of each clock call: one body, the layout
// converted at the edge (get_user_timespec / put_user_timespec).
template<typename UserTimespec>
long clock_gettime_user(int clock, UserTimespec __user* tp)
{
    int64_t ns;
    if (int error = read_clock(clock, ns))
        return error;
    Now now = from_ns(ns);
    timespec64 value { now.seconds, now.nanoseconds };
    return put_user_timespec(&value, tp);
}

template<typename UserTimespec>
long clock_settime_user(int clock, const UserTimespec __user* tp)
{
    timespec64 value;
    if (get_user_timespec(&value, tp))
        return -EFAULT;
    return set_clock(clock, value.tv_sec, value.tv_nsec);
}

template<typename UserTimespec>
long clock_getres_user(int clock, UserTimespec __user* res)
{
    int64_t ns;
    if (int error = clock_resolution(clock, ns))
        return error;
    timespec64 value { 0, static_cast<long>(ns) };
    return res ? put_user_timespec(&value, res) : 0;
}

template<typename UserTimespec>
long clock_nanosleep_user(int clock, int flags, const UserTimespec __user* request, UserTimespec __user* remaining)
{
    timespec64 value;
    if (get_user_timespec(&value, request))
        return -EFAULT;
    if (!timespec64_valid(value))
        return -EINVAL;
    constexpr int64_t max_seconds = 0x7fffffffffffffffll / ns_per_second - 1;   // no overflow in ns
    int64_t seconds = value.tv_sec > max_seconds ? max_seconds : value.tv_sec;
    int64_t left = 0;
    bool store = false;
    long result = do_clock_nanosleep(clock, flags, seconds * ns_per_second + value.tv_nsec, left, store);
    if (store && remaining) {
        Now rest = from_ns(left);
        timespec64 out { rest.seconds, rest.nanoseconds };
        if (put_user_timespec(&out, remaining))
            return -EFAULT;
    }
    return result;
}

} // namespace

extern "C" long sys_clock_gettime(int clock, old_timespec32 __user* tp)
{
    return clock_gettime_user(clock, tp);
}

extern "C" long sys_clock_gettime64(int clock, __kernel_timespec __user* tp)
{
    return clock_gettime_user(clock, tp);
}

extern "C" long sys_clock_settime(int clock, const old_timespec32 __user* tp)
{
    return clock_settime_user(clock, tp);
}

extern "C" long sys_clock_settime64(int clock, const __kernel_timespec __user* tp)
{
    return clock_settime_user(clock, tp);
}

extern "C" long sys_clock_getres(int clock, old_timespec32 __user* res)
{
    return clock_getres_user(clock, res);
}

extern "C" long sys_clock_getres_time64(int clock, __kernel_timespec __user* res)
{
    return clock_getres_user(clock, res);
}

// nanosleep is a relative CLOCK_MONOTONIC clock_nanosleep (Linux: hrtimer_nanosleep).
extern "C" long sys_nanosleep(const old_timespec32 __user* request, old_timespec32 __user* remaining)
{
    return clock_nanosleep_user(CLOCK_MONOTONIC, 0, request, remaining);
}

extern "C" long sys_clock_nanosleep(int clock, int flags, const old_timespec32 __user* request,
    old_timespec32 __user* remaining)
{
    return clock_nanosleep_user(clock, flags, request, remaining);
}

extern "C" long sys_clock_nanosleep_time64(int clock, int flags, const __kernel_timespec __user* request,
    __kernel_timespec __user* remaining)
{
    return clock_nanosleep_user(clock, flags, request, remaining);
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
