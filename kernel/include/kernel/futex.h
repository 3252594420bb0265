// Futexes (kernel/process/futex.cpp): wait queues keyed by a user address, the
// primitive under glibc's mutexes, condition variables and pthread_join.
#pragma once

#include <linux/types.h>

struct Task;

// Wakes up to `count` waiters on the futex at `uaddr` (shared key); returns how many.
int futex_wake(uint32_t __user* uaddr, bool is_private, int count, uint32_t bitset);

// The address space is going away (exit) or being replaced (execve): the robust
// futex list, CLONE_CHILD_CLEARTID's clear and wake-up, and the vfork parent's
// release (Linux's mm_release).
void mm_release(Task* task);
