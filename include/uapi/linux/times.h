/* struct tms as times (43) fills it: clock ticks (USER_HZ = 100) in 32-bit longs. */
#ifndef _UAPI_LINUX_TIMES_H
#define _UAPI_LINUX_TIMES_H

#include <linux/types.h>

struct tms {
    __kernel_clock_t tms_utime;
    __kernel_clock_t tms_stime;
    __kernel_clock_t tms_cutime;
    __kernel_clock_t tms_cstime;
};

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct tms) == 16, "i386 struct tms is 16 bytes");
#endif

#endif
