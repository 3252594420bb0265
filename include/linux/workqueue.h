/* Work queues: run a function later in process context, on a kernel worker
 * thread (so it may sleep). schedule_work uses the system queue "events";
 * create_workqueue makes a queue with its own worker. */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/types.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

#define WORK_STRUCT_PENDING 1UL   /* in work->data: queued, or its delay timer runs */

struct work_struct {
    unsigned long data;             /* WORK_STRUCT_PENDING */
    struct list_head entry;         /* on its queue while waiting to run */
    work_func_t func;
    struct workqueue_struct *wq;    /* kernel: where it was queued last */
    /* Linux up to 2.6.19: the function took a `void *` given to INIT_WORK, and
     * queue_delayed_work took the work_struct itself, which had this timer. */
    void (*old_func)(void *);
    void *old_data;
    struct timer_list timer;
};

struct delayed_work {
    struct work_struct work;
    struct timer_list timer;        /* queues `work` when it fires */
};

/* DECLARE_WORK, INIT_WORK and PREPARE_WORK take (work, func) since 2.6.20 and
 * (work, func, data) before: the number of arguments picks the form. */
#define __WORK_PICK(_1, _2, NAME, ...) NAME
#define __TIMER_INITIALIZER_EMPTY { { NULL, NULL }, 0, NULL, 0, 0 }
#define __WORK_INITIALIZER(n, f) { 0, { &(n).entry, &(n).entry }, (f), NULL, NULL, NULL, __TIMER_INITIALIZER_EMPTY }
#define __WORK_INITIALIZER_OLD(n, f, d) \
    { 0, { &(n).entry, &(n).entry }, NULL, NULL, (void (*)(void *))(f), (void *)(d), __TIMER_INITIALIZER_EMPTY }
#define __DECLARE_WORK_NEW(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define __DECLARE_WORK_OLD(n, f, d) struct work_struct n = __WORK_INITIALIZER_OLD(n, f, d)
#define DECLARE_WORK(n, ...) __WORK_PICK(__VA_ARGS__, __DECLARE_WORK_OLD, __DECLARE_WORK_NEW)(n, __VA_ARGS__)
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { __WORK_INITIALIZER((n).work, (f)), __TIMER_INITIALIZER_EMPTY }
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

static inline void __init_work(struct work_struct *work, work_func_t func, void (*old_func)(void *), void *old_data)
{
    work->data = 0;
    work->entry.next = &work->entry;
    work->entry.prev = &work->entry;
    work->func = func;
    work->wq = NULL;
    work->old_func = old_func;
    work->old_data = old_data;
    init_timer(&work->timer);
}
#define __INIT_WORK_NEW(work, f) __init_work((work), (f), NULL, NULL)
#define __INIT_WORK_OLD(work, f, d) __init_work((work), NULL, (void (*)(void *))(f), (void *)(d))
#define INIT_WORK(work, ...) __WORK_PICK(__VA_ARGS__, __INIT_WORK_OLD, __INIT_WORK_NEW)(work, __VA_ARGS__)
#define __PREPARE_WORK_NEW(work, f) ((work)->func = (f))
#define __PREPARE_WORK_OLD(work, f, d) \
    ((work)->old_func = (void (*)(void *))(f), (work)->old_data = (void *)(d))
#define PREPARE_WORK(work, ...) __WORK_PICK(__VA_ARGS__, __PREPARE_WORK_OLD, __PREPARE_WORK_NEW)(work, __VA_ARGS__)

static inline void INIT_DELAYED_WORK(struct delayed_work *dwork, work_func_t func)
{
    INIT_WORK(&dwork->work, func);
    init_timer(&dwork->timer);
}
#define INIT_DEFERRABLE_WORK(dwork, func) INIT_DELAYED_WORK(dwork, func)

#define work_pending(work) ((READ_ONCE((work)->data) & WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(dwork) work_pending(&(dwork)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
    return container_of(work, struct delayed_work, work);
}

/* alloc_workqueue flags: accepted; every queue here has one worker, in order. */
#define WQ_UNBOUND (1 << 1)
#define WQ_FREEZABLE (1 << 2)
#define WQ_MEM_RECLAIM (1 << 3)
#define WQ_HIGHPRI (1 << 4)
#define WQ_CPU_INTENSIVE (1 << 5)
#define WQ_SYSFS (1 << 6)
#define __WQ_ORDERED (1 << 17)
#define WQ_MAX_ACTIVE 512

#ifdef __cplusplus
extern "C" {
#endif

/* The system queue ("events") that schedule_work uses. */
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_highpri_wq;

/* A queue with its own worker thread named after `fmt`; NULL on failure. */
__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
/* Runs what is queued, then stops the worker and frees the queue. */
void destroy_workqueue(struct workqueue_struct *wq);

/* Queues `work` unless it is already pending; true if it was queued. */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
/* Queues `dwork` after `delay` jiffies (0: now) unless already pending. */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
/* The same for a 2.6-era work_struct, which waits on its own timer. */
bool queue_delayed_work_old(struct workqueue_struct *wq, struct work_struct *work, unsigned long delay);
/* Like queue_delayed_work, but a pending one gets the new delay. */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
/* Waits until everything queued on wq before the call has run. */
void flush_workqueue(struct workqueue_struct *wq);
/* Waits until `work` is neither queued nor running; true if it had to wait. */
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
/* Takes the work off its queue; true if it was pending. The _sync forms also
 * wait until a run already in progress has finished. */
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_old(struct work_struct *work);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
/* Whether the calling code runs on a worker thread, and which work it runs. */
struct work_struct *current_work(void);

#ifdef __cplusplus
}
#endif

#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_workqueue("%s", __WQ_ORDERED | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) alloc_workqueue("%s", WQ_FREEZABLE | WQ_MEM_RECLAIM, 1, (name))
#define alloc_ordered_workqueue(fmt, flags, ...) alloc_workqueue(fmt, __WQ_ORDERED | (flags), 1, ##__VA_ARGS__)

static inline bool schedule_work(struct work_struct *work)
{
    return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
    return queue_delayed_work(system_wq, dwork, delay);
}

/* queue_delayed_work, cancel_delayed_work and schedule_delayed_work take a
 * struct delayed_work since 2.6.20 and a struct work_struct before. */
#ifndef __cplusplus   /* C++ names the _old functions */
static inline bool __schedule_delayed_work_old(struct work_struct *work, unsigned long delay)
{
    return queue_delayed_work_old(system_wq, work, delay);
}
#define queue_delayed_work(wq, work, delay) \
    _Generic((work), struct work_struct *: queue_delayed_work_old, default: queue_delayed_work)(wq, work, delay)
#define cancel_delayed_work(work) \
    _Generic((work), struct work_struct *: cancel_delayed_work_old, default: cancel_delayed_work)(work)
#define schedule_delayed_work(work, delay) \
    _Generic((work), struct work_struct *: __schedule_delayed_work_old, default: schedule_delayed_work)(work, delay)
#endif

static inline void flush_scheduled_work(void)
{
    flush_workqueue(system_wq);
}

static inline bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
    (void)cpu;
    return queue_work(wq, work);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
    (void)cpu;
    return queue_work(system_wq, work);
}

#endif
