// The soft-lockup detector (kernel/debug/watchdog.cpp), Linux's kernel/watchdog.c
// for one CPU: ring-0 code that keeps the scheduler out for 2 * watchdog_thresh
// seconds is reported from the timer tick.
#pragma once

struct pt_regs;

// Reads watchdog_thresh= (seconds, default 10; 0 turns the detector off) and
// softlockup_panic= from the command line.
void lockup_detector_init();

// The scheduler ran (or the CPU was idle or in user mode): no lockup so far.
// Code that busy-waits for long on purpose calls it too, as on Linux.
void touch_softlockup_watchdog();

// From the timer interrupt: `regs` is what the tick interrupted.
void watchdog_timer_tick(const pt_regs* regs);
