// Fault injection (Linux's lib/fault-inject.c): kmalloc (failslab=) and the
// page allocator (fail_page_alloc=) fail on purpose, to exercise the paths
// that handle allocation failure.
#pragma once

#include <linux/atomic.h>
#include <linux/types.h>

// Linux's struct fault_attr, set by `NAME=<interval>,<probability>,<space>,<times>`
// on the command line and in /sys/kernel/debug/NAME/ at run time.
struct FaultAttr {
    const char* name;
    u32 probability;   // percent of eligible calls that fail
    u32 interval;      // only every interval-th eligible call may fail (1: any)
    atomic_t times;    // failures left; -1: no end; 0: off
    atomic_t space;    // bytes allowed to succeed before failures start
    u32 verbose;       // 1: log each failure, 2: with a backtrace
    u32 count;         // calls seen (for interval)
    bool task_filter;  // only tasks with /proc/PID/make-it-fail set
};

extern FaultAttr failslab;
extern FaultAttr fail_page_alloc;

// Whether this allocation of `size` bytes should fail. Only allocations made
// for user processes other than init (a task with an address space) are
// eligible: boot and init itself are never failed; with task-filter, only
// tasks whose make-it-fail is 1.
bool should_fail(FaultAttr& attr, size_t size);
