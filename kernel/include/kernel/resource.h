// Resource limits (getrlimit/setrlimit/prlimit64), kept per process in its
// ThreadGroup as Linux keeps them in signal_struct, inherited by fork and exec.
#pragma once

#include <linux/resource.h>
#include <linux/types.h>

struct Task;

// The soft limit of the current process (Linux's rlimit()); a kernel thread
// without a thread group gets the boot defaults.
unsigned long rlimit(unsigned resource);
unsigned long task_rlimit(const Task* task, unsigned resource);
// The limits a process starts with (Linux's INIT_RLIMITS, RLIMIT_NPROC and
// RLIMIT_SIGPENDING from max_threads as fork_init sets them).
void rlimits_init(struct rlimit* limits);

// The system-wide task limit (Linux's max_threads: task stacks may take at
// most an eighth of RAM); fork and clone fail with -EAGAIN at it.
unsigned long max_threads();
// fork's checks before a new task is made: the system-wide task count and,
// for a new task of `uid`, RLIMIT_NPROC (root is exempt, as on Linux). 0 or -EAGAIN.
int check_task_limits(uid_t uid);

// The most file descriptors a process can have (Linux's sysctl nr_open): the
// size of the fd table.
constexpr unsigned long nr_open = 256;
