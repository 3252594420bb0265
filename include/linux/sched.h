/* Tasks for modules: struct task_struct (the leading fields of the kernel's
 * Task), `current`, task states, schedule() and the sleeping helpers. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <uapi/linux/sched.h>
#include <asm/current.h>
#include <asm/processor.h>  /* read_cr0 and friends, as Linux's sched.h brings them */
#include <asm/signal.h>     /* sigset_t, _NSIG_WORDS */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#if !defined(__cplusplus) || defined(MODULE)
#include <linux/cred.h>   /* current->cred->uid (the kernel's VFS has its own current_fsuid) */
#endif

#define TASK_COMM_LEN 16

struct mm_struct;
struct cred;

/* Signals waiting for a task (Linux's struct sigpending; its queue of
 * siginfos stays the kernel's). */
struct sigpending {
    sigset_t signal;
};

/*
 * A task as modules see it: the first fields of the kernel's struct Task
 * (kernel/include/kernel/sched.h), checked by static_assert in
 * kernel/kapi/sched.cpp. The rest of the task is the kernel's business.
 * Both generations' names: 2.6 keeps the ids in the task (current->uid) and
 * calls the state `state`; 6.1 reads them through cred and says __state.
 */
struct task_struct {
    pid_t pid;
    char comm[TASK_COMM_LEN];
    pid_t tgid;
    union {
        volatile long state;          /* TASK_RUNNING, TASK_INTERRUPTIBLE ... */
        unsigned int __state;
    };
    struct task_struct *parent;
    struct list_head tasks;           /* every task, through the kernel's own list head:
                                         walk it with for_each_process/next_task */
    struct mm_struct *mm;             /* NULL for kernel threads */
    uid_t uid, euid, suid, fsuid;     /* Linux 2.6's ids */
    gid_t gid, egid, sgid, fsgid;
    const struct cred *real_cred;     /* the same ids, as 6.1 reads them */
    const struct cred *cred;
    struct sigpending pending;        /* pending.signal.sig[]: raised signals */
    sigset_t blocked;
    struct task_struct *group_leader;
    struct signal_struct *signal;     /* ->tty: the controlling terminal (linux/sched/signal.h) */
};

/* Task states, Linux's values, for set_current_state and prepare_to_wait. */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define __TASK_TRACED 0x0008
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE TASK_UNINTERRUPTIBLE
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

#ifdef __cplusplus
extern "C" {
#endif

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
/* pid 0 (the idle task "swapper"): where the circle of tasks starts. */
extern struct task_struct init_task;
/* The next process (thread-group leader) after p, init_task after the last. */
struct task_struct *next_task(struct task_struct *p);
#ifdef __cplusplus
}
#endif
#endif

/* Every process but init_task (hold rcu_read_lock() around the walk). */
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task;)

#define set_current_state(state) __set_current_state(state)
#define cond_resched() _cond_resched()

static inline pid_t task_pid_nr(struct task_struct *task)
{
    return task->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *task)
{
    return task->tgid;
}

#define task_is_running(task) (READ_ONCE((task)->__state) == TASK_RUNNING)

#endif
