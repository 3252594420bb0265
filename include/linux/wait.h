/* Wait queues: a task sleeps on a wait_queue_head_t until someone wakes it and
 * its condition holds (Linux's wait_event/wake_up). The head is the kernel's
 * WaitQueue itself; the macros are built from prepare_to_wait/finish_wait. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <uapi/linux/wait.h>
#include <linux/errno.h>
#include <linux/poll.h>    /* wait_queue_head_t */
#include <linux/sched.h>
#include <linux/types.h>

/*
 * The C view of the kernel's WaitQueue (a spinlock byte and a list sentinel).
 * All zeroes is an empty queue, so static ones need no constructor. Size and
 * alignment are checked against the C++ class in kernel/kapi/wait.cpp.
 */
#define __WAIT_QUEUE_HEAD_FIELDS \
    volatile unsigned char __locked; \
    void *__entries[2];
struct __wait_queue_head_layout { __WAIT_QUEUE_HEAD_FIELDS };
#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/wait.h>
#else
struct WaitQueue { __WAIT_QUEUE_HEAD_FIELDS };
#endif

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

/* One sleeping task on a queue; the kernel's WaitQueueEntry. */
struct wait_queue_entry {
#ifdef __cplusplus
    void *private_;
#else
    void *private;          /* the waiting task */
#endif
    void *__link[2];        /* kernel: position on the queue */
};
typedef struct wait_queue_entry wait_queue_entry_t;
typedef struct wait_queue_entry wait_queue_t;   /* the name before Linux 4.13 */

#define DEFINE_WAIT(name) wait_queue_entry_t name = { }
#define DECLARE_WAITQUEUE(name, tsk) wait_queue_entry_t name = { (void *)(tsk) }

#ifdef __cplusplus
extern "C" {
#endif

void init_waitqueue_head(wait_queue_head_t *wq);
/* Queues the current task (once) and sets its state; call, test, schedule(). */
void prepare_to_wait(wait_queue_head_t *wq, wait_queue_entry_t *entry, int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq, wait_queue_entry_t *entry, int state);
/* Running again, off the queue. */
void finish_wait(wait_queue_head_t *wq, wait_queue_entry_t *entry);
/* The 2.4-era pair: queue without touching the task state. */
void add_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *entry);
void add_wait_queue_exclusive(wait_queue_head_t *wq, wait_queue_entry_t *entry);
void remove_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *entry);
/* Wakes the tasks sleeping on wq in one of the states in `mode` (TASK_NORMAL...).
 * Each rechecks its condition, so waking more than nr is only slower. */
void __wake_up(wait_queue_head_t *wq, unsigned int mode, int nr, void *key);
/* Whether any task waits on wq. */
int waitqueue_active(wait_queue_head_t *wq);
/* For the wait_event macros: -ERESTARTSYS when a signal ends a sleep in `state`. */
long __wait_event_interrupted(long state);
/* Linux 2.6: sleep on wq until woken (or, interruptible, until a signal; or
 * the timeout: those return the jiffies left). The caller's test and the sleep
 * are not atomic: prefer wait_event. */
void interruptible_sleep_on(wait_queue_head_t *wq);
long interruptible_sleep_on_timeout(wait_queue_head_t *wq, long timeout);
void sleep_on(wait_queue_head_t *wq);
long sleep_on_timeout(wait_queue_head_t *wq, long timeout);

#ifdef __cplusplus
}
#endif

/* Functions, not macros as in Linux, so that the kernel's C++ WaitQueue
 * methods of the same names stay usable next to them. */
static inline void wake_up(wait_queue_head_t *wq) { __wake_up(wq, TASK_NORMAL, 1, NULL); }
static inline void wake_up_nr(wait_queue_head_t *wq, int nr) { __wake_up(wq, TASK_NORMAL, nr, NULL); }
static inline void wake_up_all(wait_queue_head_t *wq) { __wake_up(wq, TASK_NORMAL, 0, NULL); }
static inline void wake_up_interruptible(wait_queue_head_t *wq) { __wake_up(wq, TASK_INTERRUPTIBLE, 1, NULL); }
static inline void wake_up_interruptible_nr(wait_queue_head_t *wq, int nr) { __wake_up(wq, TASK_INTERRUPTIBLE, nr, NULL); }
static inline void wake_up_interruptible_all(wait_queue_head_t *wq) { __wake_up(wq, TASK_INTERRUPTIBLE, 0, NULL); }
static inline void wake_up_interruptible_sync(wait_queue_head_t *wq) { __wake_up(wq, TASK_INTERRUPTIBLE, 1, NULL); }
static inline void wake_up_poll(wait_queue_head_t *wq, __poll_t mask) { __wake_up(wq, TASK_NORMAL, 1, (void *)(unsigned long)mask); }
static inline void wake_up_interruptible_poll(wait_queue_head_t *wq, __poll_t mask)
{
    __wake_up(wq, TASK_INTERRUPTIBLE, 1, (void *)(unsigned long)mask);
}

/*
 * The sleeping loop behind every wait_event variant: queue, test, sleep, until
 * the condition holds, a signal interrupts (interruptible/killable states), or
 * the timeout runs out. `condition` is evaluated again after every wake-up.
 * Evaluates to 0 / -ERESTARTSYS, or for the timeout forms to the jiffies left
 * (at least 1 when the condition came true), 0 on timeout, or -ERESTARTSYS.
 */
#define ___wait_event(wq, condition, state, timeout, with_timeout) ({        \
    long __we_ret = (timeout);                                                  \
    wait_queue_entry_t __we_entry = { };                                        \
    for (;;) {                                                                  \
        prepare_to_wait(&(wq), &__we_entry, (state));                           \
        if (condition) {                                                        \
            if ((with_timeout) && !__we_ret)                                    \
                __we_ret = 1;                                                   \
            break;                                                              \
        }                                                                       \
        if ((with_timeout) && !__we_ret)                                        \
            break;                                                              \
        long __we_intr = __wait_event_interrupted(state);                       \
        if (__we_intr) {                                                        \
            __we_ret = __we_intr;                                               \
            break;                                                              \
        }                                                                       \
        if (with_timeout)                                                       \
            __we_ret = schedule_timeout(__we_ret);                              \
        else                                                                    \
            schedule();                                                         \
    }                                                                           \
    finish_wait(&(wq), &__we_entry);                                            \
    __we_ret;                                                                   \
})

#define wait_event(wq, condition) do {                                          \
    if (!(condition))                                                           \
        (void)___wait_event(wq, condition, TASK_UNINTERRUPTIBLE, 0, 0);         \
} while (0)
#define wait_event_idle(wq, condition) wait_event(wq, condition)

/* 0 once the condition holds, -ERESTARTSYS if a signal came first. */
#define wait_event_interruptible(wq, condition)                                 \
    ((condition) ? 0 : (int)___wait_event(wq, condition, TASK_INTERRUPTIBLE, 0, 0))
#define wait_event_interruptible_exclusive(wq, condition) wait_event_interruptible(wq, condition)
/* Only a fatal signal (SIGKILL) ends the wait. */
#define wait_event_killable(wq, condition)                                      \
    ((condition) ? 0 : (int)___wait_event(wq, condition, TASK_KILLABLE, 0, 0))

/* 0 on timeout with the condition false, else the jiffies left (at least 1). */
#define wait_event_timeout(wq, condition, timeout)                              \
    ___wait_event(wq, condition, TASK_UNINTERRUPTIBLE, (long)(timeout), 1)
/* As wait_event_timeout, or -ERESTARTSYS when a signal came first. */
#define wait_event_interruptible_timeout(wq, condition, timeout)                \
    ___wait_event(wq, condition, TASK_INTERRUPTIBLE, (long)(timeout), 1)
#define wait_event_idle_timeout(wq, condition, timeout) wait_event_timeout(wq, condition, timeout)
#define wait_event_killable_timeout(wq, condition, timeout)                     \
    ___wait_event(wq, condition, TASK_KILLABLE, (long)(timeout), 1)

#endif
