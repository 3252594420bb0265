// kthreadd (pid 2) creates kernel threads on request, so they all share one
// parent as on Linux.
#pragma once

#include <kernel/sched.h>

int kthreadd(void* unused);
// Starts fn(arg) as a child of kthreadd; returns the pid or -errno.
pid_t kthread_run(int (*fn)(void*), void* arg, const char* name);
