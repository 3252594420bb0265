// A time from or to user space in either i386 layout, as the kernel's
// timespec64: the time32 calls (old_timespec32) and the *_time64 calls
// (__kernel_timespec) convert here and share everything behind (Linux's
// kernel/time/time.c helpers of the same names). 0 or -EFAULT.
#pragma once

#include <linux/fs.h>           // struct timespec64
#include <linux/time_types.h>   // __kernel_timespec, old_timespec32
#include <linux/types.h>        // __user

// 64-bit layout: a 32-bit caller's tv_nsec has an upper half that is ignored.
int get_timespec64(timespec64* ts, const __kernel_timespec __user* uts);
int put_timespec64(const timespec64* ts, __kernel_timespec __user* uts);
int get_old_timespec32(timespec64* ts, const old_timespec32 __user* uts);
int put_old_timespec32(const timespec64* ts, old_timespec32 __user* uts);

// The same by layout, for code written once for both (a template over the
// user type: futex and futex_time64, clock_gettime and clock_gettime64, ...).
inline int get_user_timespec(timespec64* ts, const old_timespec32 __user* uts) { return get_old_timespec32(ts, uts); }
inline int get_user_timespec(timespec64* ts, const __kernel_timespec __user* uts) { return get_timespec64(ts, uts); }
inline int put_user_timespec(const timespec64* ts, old_timespec32 __user* uts) { return put_old_timespec32(ts, uts); }
inline int put_user_timespec(const timespec64* ts, __kernel_timespec __user* uts) { return put_timespec64(ts, uts); }

// tv_nsec in [0, 1e9) and tv_sec >= 0, as most calls require (timespec64_valid).
inline bool timespec64_valid(const timespec64& ts)
{
    return ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L;
}
