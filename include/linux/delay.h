/* Waiting a while: udelay/mdelay spin (allowed anywhere, even in interrupt
 * handlers); msleep and friends sleep and let other tasks run. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/sched.h>   /* msleep */
#include <kernel/time.h>    /* udelay, mdelay */
#else
#ifdef __cplusplus
extern "C" {
#endif
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
#ifdef __cplusplus
}
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif
/* Sleeps, but a signal ends it early: returns the milliseconds left. */
unsigned long msleep_interruptible(unsigned int msecs);
/* Sleeps at least min microseconds (spins when that is shorter than a tick). */
void usleep_range(unsigned long min, unsigned long max);
#ifdef __cplusplus
}
#endif

static inline void ndelay(unsigned long nsecs)
{
    udelay((nsecs + 999) / 1000);
}

static inline void ssleep(unsigned int seconds)
{
    msleep(seconds * 1000);
}

static inline void fsleep(unsigned long usecs)
{
    usleep_range(usecs, usecs * 2);
}

#endif
