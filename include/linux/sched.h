/* Tasks for modules: struct task_struct (the leading fields of the kernel's
 * Task), `current`, task states, schedule() and the sleeping helpers. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <uapi/linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define TASK_COMM_LEN 16

/*
 * A task as modules see it: the first fields of the kernel's struct Task
 * (kernel/include/kernel/sched.h), checked by static_assert in
 * kernel/kapi/sched.cpp. The rest of the task is the kernel's business.
 */
struct task_struct {
    pid_t pid;
    char comm[TASK_COMM_LEN];
};

/* Task states, Linux's values, for set_current_state and prepare_to_wait. */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_WAKEKILL 0x0100
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE TASK_UNINTERRUPTIBLE
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

#ifdef __cplusplus
extern "C" {
#endif

/* The task running now. In the kernel's own C++, `current` is its Task*. */
struct task_struct *get_current(void);
/* Sets the current task's state; the next schedule() then sleeps in it. */
void __set_current_state(long state);
/* Sleeps `timeout` jiffies in the state set before (or until woken); returns
 * the jiffies left, 0 when the time ran out. MAX_SCHEDULE_TIMEOUT: no limit. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
/* Gives up the CPU if another task should run (long loops in process context). */
int _cond_resched(void);
void yield(void);
/* A SIGKILL is pending (TASK_KILLABLE sleeps end). */
bool fatal_signal_pending(struct task_struct *task);
char *get_task_comm(char *buffer, struct task_struct *task);

#ifdef __cplusplus
}
#endif

#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/sched.h>    /* current, schedule, wake_up_process */
#include <kernel/signal.h>   /* signal_pending */
#else
#ifdef __cplusplus
extern "C" {
#endif
void schedule(void);
/* Makes a sleeping task runnable; false when it was not sleeping. */
bool wake_up_process(struct task_struct *task);
/* A signal is pending and not blocked: interruptible sleeps end. */
bool signal_pending(struct task_struct *task);
#ifdef __cplusplus
}
#endif
#define current get_current()
#endif

#define set_current_state(state) __set_current_state(state)
#define cond_resched() _cond_resched()

static inline pid_t task_pid_nr(struct task_struct *task)
{
    return task->pid;
}

#endif
