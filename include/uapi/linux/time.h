/*
 * The i386 time structures of the classic system calls (32-bit tv_sec): timespec,
 * timeval, timezone, itimerval, itimerspec; clock ids and timer flags.
 */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#include <linux/types.h>
#include <linux/time_types.h>

#ifndef _STRUCT_TIMESPEC
#define _STRUCT_TIMESPEC
struct timespec {
    __kernel_old_time_t tv_sec; /* seconds */
    long tv_nsec;               /* nanoseconds */
};
#endif

#ifndef _STRUCT_TIMEVAL
#define _STRUCT_TIMEVAL
struct timeval {
    __kernel_old_time_t tv_sec;     /* seconds */
    __kernel_suseconds_t tv_usec;   /* microseconds */
};
#endif

#ifndef _STRUCT_TIMEZONE
#define _STRUCT_TIMEZONE
struct timezone {
    int tz_minuteswest; /* minutes west of Greenwich */
    int tz_dsttime;     /* type of dst correction */
};
#endif

#ifndef _STRUCT_ITIMERSPEC
#define _STRUCT_ITIMERSPEC
struct itimerspec {
    struct timespec it_interval;
    struct timespec it_value;
};
#endif

#ifndef _STRUCT_ITIMERVAL
#define _STRUCT_ITIMERVAL
struct itimerval {
    struct timeval it_interval;
    struct timeval it_value;
};
#endif

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct timespec) == 8, "i386 struct timespec is 8 bytes");
__UAPI_ASSERT(sizeof(struct timeval) == 8, "i386 struct timeval is 8 bytes");
__UAPI_ASSERT(sizeof(struct timezone) == 8, "struct timezone is 8 bytes");
__UAPI_ASSERT(sizeof(struct itimerval) == 16, "i386 struct itimerval is 16 bytes");
#endif

/* setitimer/getitimer */
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

/* clock_gettime and friends */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11
#define MAX_CLOCKS 16

/* clock_nanosleep / timer_settime flags */
#define TIMER_ABSTIME 0x01

#endif
