// The OOM killer (kernel/mm/oom_kill.cpp): when user memory or what maps it
// cannot be had, a process is killed so that its memory comes back.
#pragma once

struct Task;

constexpr short OOM_SCORE_ADJ_MIN = -1000;   // never chosen
constexpr short OOM_SCORE_ADJ_MAX = 1000;

// Linux's oom_badness: the pages killing `task`'s process would free (its
// resident pages and page tables), plus oom_score_adj thousandths of
// `totalpages`; `unkillable` (LONG_MIN) for init, kernel threads, adj -1000.
constexpr long oom_unkillable = -0x7fffffffL - 1;
long oom_badness(Task* task, unsigned long totalpages);
// What /proc/PID/oom_score shows: the badness scaled to 0..2000 (Linux 5.9+).
unsigned long oom_score(Task* task);

// Called when a page could not be had for a user fault: picks the process
// with the highest badness (or waits for the one chosen before), SIGKILLs
// it and, if `can_sleep`, waits for its memory. True: try the allocation
// again. False: the current task is dying (it was chosen) or nothing can be killed.
bool out_of_memory(bool can_sleep);
