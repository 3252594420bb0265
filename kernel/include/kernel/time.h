// Kernel time: jiffies from the PIT tick, and a nanosecond clock from the TSC.
#pragma once

#include <stdint.h>

// Timer interrupts per second (Debian's Linux uses CONFIG_HZ=250 too).
constexpr unsigned HZ = 250;

// Ticks since boot; written only by the timer interrupt.
extern volatile unsigned long jiffies;
extern volatile uint64_t jiffies_64;

// Nanoseconds since boot: TSC-based once calibrated, jiffies before that
// (Linux's local_clock(); printk timestamps come from here).
uint64_t local_clock();

// Busy-wait delays for drivers that must not sleep.
void udelay(unsigned long microseconds);
void mdelay(unsigned long milliseconds);

inline unsigned long msecs_to_jiffies(unsigned long ms) { return (ms * HZ + 999) / 1000; }
// The jiffies deadline of a sleep of `ns`: whole ticks, rounded up, and one more
// for the tick already under way.
inline unsigned long jiffies_deadline_in_ns(uint64_t ns)
{
    return jiffies + static_cast<unsigned long>((ns * HZ + 999999999ull) / 1000000000ull) + 1;
}
inline unsigned long jiffies_to_msecs(unsigned long j) { return j * (1000 / HZ); }
// Wrap-safe comparison, as Linux's time_after(a, b).
inline bool time_after(unsigned long a, unsigned long b) { return static_cast<long>(b - a) < 0; }

void time_mark_boot();  // the TSC at kernel entry: local_clock() counts from here
void time_init();       // programs the PIT for HZ and calibrates the TSC

// Wall-clock time in nanoseconds since the epoch (kernel/time/timekeeping.cpp),
// and setting it (clock_settime). File times still come from the CMOS clock's seconds.
int64_t ktime_get_real_ns();
void do_settime_real_ns(int64_t ns);
