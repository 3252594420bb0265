/* The 64-bit time structures of the *_time64 system calls (same layout on every architecture). */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <linux/types.h>

struct __kernel_timespec {
    __kernel_time64_t tv_sec;
    long long tv_nsec;
};

struct __kernel_itimerspec {
    struct __kernel_timespec it_interval;
    struct __kernel_timespec it_value;
};

/* What i386's original system calls (nanosleep 162, clock_gettime 265, ...) use. */
struct old_timespec32 {
    __s32 tv_sec;
    __s32 tv_nsec;
};

struct __kernel_old_timeval {
    __kernel_long_t tv_sec;
    __kernel_long_t tv_usec;
};

struct __kernel_sock_timeval {
    __s64 tv_sec;
    __s64 tv_usec;
};

__UAPI_ASSERT(sizeof(struct __kernel_timespec) == 16, "__kernel_timespec is 16 bytes");
__UAPI_ASSERT(sizeof(struct old_timespec32) == 8, "old_timespec32 is 8 bytes");

#endif
