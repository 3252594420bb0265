/* Reading the clocks: time since boot (monotonic) and wall-clock time. */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/fs.h>      /* struct timespec64 */
#include <linux/ktime.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Nanoseconds since boot (the TSC, calibrated at boot). */
u64 ktime_get_ns(void);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);

#ifdef __cplusplus
}
#endif

/* Seconds since the epoch (the CMOS clock read at boot, plus the time since). */
#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/vfs.h>
#else
#ifdef __cplusplus
extern "C"
#endif
time64_t ktime_get_real_seconds(void);
#endif

static inline ktime_t ktime_get(void) { return (ktime_t)ktime_get_ns(); }
static inline ktime_t ktime_get_boottime(void) { return ktime_get(); }
static inline u64 ktime_get_boottime_ns(void) { return ktime_get_ns(); }
static inline u64 ktime_get_mono_fast_ns(void) { return ktime_get_ns(); }
static inline time64_t ktime_get_seconds(void) { return (time64_t)(ktime_get_ns() / NSEC_PER_SEC); }
static inline ktime_t ktime_get_real(void) { return ktime_set(ktime_get_real_seconds(), 0); }

#endif
