// The timer tick's hook into kernel timers (include/linux/timer.h) and tasklets.
#pragma once

// Runs, from the timer interrupt, the tasklets scheduled since the last tick
// and the timers whose time has come (Linux's timer softirq, here in the tick).
void run_local_timers();
