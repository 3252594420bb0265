// Shared by the kernel/kapi files: the wait loop of the Linux wait_event macros
// for kernel C++, conversions between C API types and kernel types, and the
// device-model entry points misc devices use.
#pragma once

#include <kernel/sched.h>
#include <linux/device.h>
#include <linux/sched.h>
#include <linux/wait.h>

inline task_struct* to_task_struct(Task* task) { return reinterpret_cast<task_struct*>(task); }
inline Task* to_task(task_struct* task) { return reinterpret_cast<Task*>(task); }

// The loop behind wait_event*(), for C++ callers: sleeps in `state` until
// `condition()` holds (0) or a signal ends an interruptible or killable sleep
// (-ERESTARTSYS). `condition` runs first unqueued (as Linux's wait_event: what
// is free costs no queueing), then once per wake-up with the task queued, so
// a wake-up between the test and the sleep is not lost; it may also take what
// it waits for (a mutex, a completion).
template<typename Condition>
long wait_event_state(wait_queue_head_t& wq, long state, Condition condition)
{
    if (condition())
        return 0;
    wait_queue_entry_t entry {};
    long result = 0;
    for (;;) {
        prepare_to_wait(&wq, &entry, static_cast<int>(state));
        if (condition())
            break;
        if ((result = __wait_event_interrupted(state)) != 0)
            break;
        schedule();
    }
    finish_wait(&wq, &entry);
    return result;
}

// The same with a timeout in jiffies: the jiffies left (at least 1) when the
// condition came true, 0 on timeout, or -ERESTARTSYS.
template<typename Condition>
long wait_event_state_timeout(wait_queue_head_t& wq, long state, long timeout, Condition condition)
{
    if (condition())
        return timeout ? timeout : 1;
    wait_queue_entry_t entry {};
    long result = timeout;
    for (;;) {
        prepare_to_wait(&wq, &entry, static_cast<int>(state));
        if (condition()) {
            if (result == 0)
                result = 1;
            break;
        }
        if (result == 0)
            break;
        if (long interrupted = __wait_event_interrupted(state)) {
            result = interrupted;
            break;
        }
        result = schedule_timeout(result);
    }
    finish_wait(&wq, &entry);
    return result;
}

// device_create with the node's name and mode given (misc devices); name is
// the device's name, node_name its path under /dev (nullptr: the same).
device* device_create_node(device_class* cls, device* parent, dev_t devt, void* drvdata, const char* name,
    const char* node_name, umode_t mode);

// Runs the tasklets scheduled since the last tick (from run_local_timers).
void run_tasklets();
