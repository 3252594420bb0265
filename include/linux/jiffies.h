/* jiffies: timer ticks since boot (HZ per second), and the wrap-safe ways to
 * compare and convert them. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/kernel.h>
#include <linux/types.h>

#if defined(__cplusplus) && !defined(MODULE)
/* The kernel's own definitions: HZ, jiffies, msecs_to_jiffies, time_after. */
#include <kernel/time.h>
#else
#define HZ 250
extern volatile unsigned long jiffies;
extern volatile u64 jiffies_64;

static inline unsigned long msecs_to_jiffies(unsigned long ms)
{
    return (ms * HZ + 999) / 1000;
}

static inline unsigned long jiffies_to_msecs(unsigned long j)
{
    return j * (1000 / HZ);
}

/* True when a is later than b, also across the wrap of the counter. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#endif

#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)

#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

static inline unsigned long usecs_to_jiffies(unsigned long us)
{
    return (us * HZ + 999999) / 1000000;
}

static inline unsigned long jiffies_to_usecs(unsigned long j)
{
    return j * (1000000 / HZ);
}

static inline u64 get_jiffies_64(void)
{
    return jiffies_64;
}

#endif
