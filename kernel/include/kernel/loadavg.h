// The 1, 5 and 15 minute load averages (/proc/loadavg, sysinfo, uptime).
#pragma once

constexpr unsigned FSHIFT = 11;   // bits of fraction in avenrun

extern unsigned long avenrun[3];

// Called from the timer tick; samples every 5 seconds.
void calc_global_load();

// Integer and hundredths of a fixed-point load, as Linux's LOAD_INT/LOAD_FRAC.
inline unsigned long load_int(unsigned long load) { return load >> FSHIFT; }
inline unsigned long load_frac(unsigned long load) { return ((load & ((1ul << FSHIFT) - 1)) * 100) >> FSHIFT; }
