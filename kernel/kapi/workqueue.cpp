// Work queues (include/linux/workqueue.h): each queue is a FIFO of work items
// and one worker kernel thread that runs them in order, in process context.
// The system queue "events" serves schedule_work; delayed work waits on a
// kernel timer, which queues it when it fires.
#include "internal.h"
#include <kernel/initcall.h>
#include <kernel/kthread.h>
#include <kernel/workqueue.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <libk/format.h>
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/workqueue.h>
#include <new>

struct workqueue_struct {
    char name[24];
    struct list_head pending;      // work items waiting, oldest first
    wait_queue_head_t more_work;   // the worker sleeps here while `pending` is empty
    wait_queue_head_t work_done;   // flush/cancel wait here for a running item to end
    struct work_struct* running;   // what the worker runs now
    Task* worker;
    bool worker_started;           // its thread was asked for (see start_worker)
    bool stopping;                 // destroy_workqueue: exit once `pending` is empty
    bool exited;
    wait_queue_head_t exited_wait;
    struct list_head node;         // on all_workqueues
};

namespace {

// One lock for every queue and work item: queueing happens from interrupts
// (timers), so this is an interrupts-off lock.
constinit SpinLock wq_lock;
constinit LIST_HEAD(all_workqueues);

// Puts a work item (already marked pending) at the end of wq. wq_lock held.
void insert_work(workqueue_struct* wq, work_struct* work)
{
    work->wq = wq;
    list_add_tail(&work->entry, &wq->pending);
}

bool is_queued(const work_struct* work)
{
    return work->entry.next && !list_empty(&work->entry);
}

// Takes the next item for the worker, or returns nullptr. wq_lock held.
work_struct* take_work(workqueue_struct* wq)
{
    if (list_empty(&wq->pending))
        return nullptr;
    work_struct* work = list_first_entry(&wq->pending, work_struct, entry);
    list_del_init(&work->entry);
    // No longer pending before it runs, so it may queue itself again.
    work->data &= ~WORK_STRUCT_PENDING;
    wq->running = work;
    return work;
}

int worker_thread(void* arg)
{
    auto* wq = static_cast<workqueue_struct*>(arg);
    wq->worker = current;
    for (;;) {
        work_struct* work = nullptr;
        bool stop = false;
        wait_event_state(wq->more_work, TASK_UNINTERRUPTIBLE, [&] {
            SpinLockGuard guard(wq_lock);
            work = take_work(wq);
            stop = !work && wq->stopping;
            return work || stop;
        });
        if (stop)
            break;
        if (work->old_func)
            work->old_func(work->old_data);   // a 2.6-era work item (INIT_WORK with data)
        else
            work->func(work);   // may free `work`: only its address is compared below
        {
            SpinLockGuard guard(wq_lock);
            wq->running = nullptr;
        }
        wake_up_all(&wq->work_done);
    }
    // Interrupts stay off until the wake-up is done: destroy_workqueue frees
    // wq as soon as it sees `exited`.
    uint32_t flags = arch::local_irq_save();
    wq->exited = true;
    wake_up_all(&wq->exited_wait);
    arch::local_irq_restore(flags);
    return 0;
}

// The timer of a delayed work item: queue it now (interrupt context).
void delayed_work_timer_fn(unsigned long data)
{
    auto* work = reinterpret_cast<work_struct*>(data);
    workqueue_struct* wq;
    {
        SpinLockGuard guard(wq_lock);
        wq = work->wq;
        insert_work(wq, work);
    }
    wake_up_all(&wq->more_work);
}

// Waits until `work` is not being run by its queue's worker.
void wait_until_not_running(work_struct* work)
{
    workqueue_struct* wq = READ_ONCE(work->wq);
    if (!wq || wq->worker == current)
        return;   // never queued, or a work item cancelling itself: nothing to wait for
    wait_event_state(wq->work_done, TASK_UNINTERRUPTIBLE, [wq, work] {
        SpinLockGuard guard(wq_lock);
        return wq->running != work;
    });
}

struct FlushBarrier {
    work_struct work;
    completion done;
};

void flush_barrier_fn(work_struct* work)
{
    complete(&container_of(work, FlushBarrier, work)->done);
}

// A queue without its worker yet.
workqueue_struct* create_queue_v(const char* fmt, va_list args)
{
    auto* wq = static_cast<workqueue_struct*>(kzalloc(sizeof(workqueue_struct), GFP_KERNEL));
    if (!wq)
        return nullptr;
    libk::vsnprintf(wq->name, sizeof(wq->name), fmt, args);
    INIT_LIST_HEAD(&wq->pending);
    init_waitqueue_head(&wq->more_work);
    init_waitqueue_head(&wq->work_done);
    init_waitqueue_head(&wq->exited_wait);
    SpinLockGuard guard(wq_lock);
    list_add_tail(&wq->node, &all_workqueues);
    return wq;
}

workqueue_struct* create_queue(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    workqueue_struct* wq = create_queue_v(fmt, args);
    va_end(args);
    return wq;
}

// Starts the worker thread (process context: kthreadd makes it) unless it was already.
int start_worker(workqueue_struct* wq)
{
    {
        SpinLockGuard guard(wq_lock);
        if (wq->worker_started)
            return 0;
        wq->worker_started = true;
    }
    pid_t pid = kthread_run(worker_thread, wq, wq->name);
    if (pid < 0) {
        printk(KERN_ERR "workqueue %s: cannot start its worker (%d)\n", wq->name, pid);
        SpinLockGuard guard(wq_lock);
        wq->worker_started = false;
    }
    return pid < 0 ? pid : 0;
}

// The system queue's worker comes from workqueue_init; should work be queued
// from process context before that, this starts it. Not from interrupts (a
// new thread needs kthreadd, which sleeps) nor during the initcalls (pid 0:
// a thread made then would take init's pid 1).
void start_worker_if_possible(workqueue_struct* wq)
{
    if (!wq->worker_started && !in_interrupt() && arch::irqs_enabled() && current->pid != 0)
        start_worker(wq);
}

// queue_delayed_work for `work` waiting on `timer`: the delayed_work's own, or
// the timer inside a 2.6-era work_struct.
bool queue_work_after(workqueue_struct* wq, work_struct* work, timer_list* timer, unsigned long delay)
{
    if (delay == 0)
        return queue_work(wq, work);
    start_worker_if_possible(wq);
    SpinLockGuard guard(wq_lock);
    if (work->data & WORK_STRUCT_PENDING)
        return false;
    work->data |= WORK_STRUCT_PENDING;
    work->wq = wq;
    timer->function = delayed_work_timer_fn;
    timer->data = reinterpret_cast<unsigned long>(work);
    mod_timer(timer, jiffies + delay);
    return true;
}

// cancel_delayed_work: stops the timer, or takes the work off its queue.
bool cancel_work_after(work_struct* work, timer_list* timer)
{
    {
        SpinLockGuard guard(wq_lock);
        if (del_timer(timer)) {
            work->data &= ~WORK_STRUCT_PENDING;
            return true;
        }
    }
    return cancel_work(work);
}

} // namespace

extern "C" struct workqueue_struct* alloc_workqueue(const char* fmt, unsigned int, int max_active, ...)
{
    va_list args;
    va_start(args, max_active);
    workqueue_struct* wq = create_queue_v(fmt, args);
    va_end(args);
    if (wq && start_worker(wq) < 0) {
        {
            SpinLockGuard guard(wq_lock);
            list_del(&wq->node);
        }
        kfree(wq);
        return nullptr;
    }
    return wq;
}
EXPORT_SYMBOL(alloc_workqueue);

extern "C" void destroy_workqueue(struct workqueue_struct* wq)
{
    if (!wq)
        return;
    {
        SpinLockGuard guard(wq_lock);
        wq->stopping = true;   // the worker runs what is queued, then exits
        if (!wq->worker_started)
            wq->exited = true;   // never had one
    }
    wake_up_all(&wq->more_work);
    wait_event_state(wq->exited_wait, TASK_UNINTERRUPTIBLE, [wq] { return READ_ONCE(wq->exited); });
    {
        SpinLockGuard guard(wq_lock);
        list_del(&wq->node);
    }
    kfree(wq);
}
EXPORT_SYMBOL(destroy_workqueue);

extern "C" bool queue_work(struct workqueue_struct* wq, struct work_struct* work)
{
    start_worker_if_possible(wq);
    {
        SpinLockGuard guard(wq_lock);
        if (work->data & WORK_STRUCT_PENDING)
            return false;
        work->data |= WORK_STRUCT_PENDING;
        insert_work(wq, work);
    }
    wake_up_all(&wq->more_work);
    return true;
}
EXPORT_SYMBOL(queue_work);

extern "C" bool queue_delayed_work(struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay)
{
    return queue_work_after(wq, &dwork->work, &dwork->timer, delay);
}
EXPORT_SYMBOL(queue_delayed_work);

extern "C" bool queue_delayed_work_old(struct workqueue_struct* wq, struct work_struct* work, unsigned long delay)
{
    return queue_work_after(wq, work, &work->timer, delay);
}
EXPORT_SYMBOL(queue_delayed_work_old);

extern "C" bool cancel_work(struct work_struct* work)
{
    SpinLockGuard guard(wq_lock);
    if (!(work->data & WORK_STRUCT_PENDING))
        return false;
    if (is_queued(work))
        list_del_init(&work->entry);
    work->data &= ~WORK_STRUCT_PENDING;
    return true;
}
EXPORT_SYMBOL(cancel_work);

extern "C" bool cancel_work_sync(struct work_struct* work)
{
    bool was_pending = cancel_work(work);
    wait_until_not_running(work);
    return was_pending;
}
EXPORT_SYMBOL(cancel_work_sync);

extern "C" bool cancel_delayed_work(struct delayed_work* dwork)
{
    return cancel_work_after(&dwork->work, &dwork->timer);
}
EXPORT_SYMBOL(cancel_delayed_work);

extern "C" bool cancel_delayed_work_old(struct work_struct* work)
{
    return cancel_work_after(work, &work->timer);
}
EXPORT_SYMBOL(cancel_delayed_work_old);

extern "C" bool cancel_delayed_work_sync(struct delayed_work* dwork)
{
    bool was_pending = cancel_delayed_work(dwork);
    wait_until_not_running(&dwork->work);
    return was_pending;
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

extern "C" bool mod_delayed_work(struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay)
{
    bool was_pending = cancel_delayed_work(dwork);
    queue_delayed_work(wq, dwork, delay);
    return was_pending;
}
EXPORT_SYMBOL(mod_delayed_work);

extern "C" bool flush_work(struct work_struct* work)
{
    workqueue_struct* wq = READ_ONCE(work->wq);
    if (!wq || wq->worker == current)
        return false;
    bool waited = false;
    wait_event_state(wq->work_done, TASK_UNINTERRUPTIBLE, [&] {
        SpinLockGuard guard(wq_lock);
        bool busy = is_queued(work) || wq->running == work;
        waited |= busy;
        return !busy;
    });
    return waited;
}
EXPORT_SYMBOL(flush_work);

extern "C" bool flush_delayed_work(struct delayed_work* dwork)
{
    workqueue_struct* wq = nullptr;
    {
        SpinLockGuard guard(wq_lock);
        if (del_timer(&dwork->timer)) {   // due later: run it now instead
            wq = dwork->work.wq;
            insert_work(wq, &dwork->work);
        }
    }
    if (wq)
        wake_up_all(&wq->more_work);
    return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

// A barrier item behind everything queued so far: when it has run, so has the rest.
extern "C" void flush_workqueue(struct workqueue_struct* wq)
{
    if (wq->worker == current) {
        printk(KERN_WARNING "flush_workqueue: %s flushing itself would deadlock\n", wq->name);
        return;
    }
    start_worker_if_possible(wq);
    FlushBarrier barrier;
    INIT_WORK(&barrier.work, flush_barrier_fn);
    init_completion(&barrier.done);
    queue_work(wq, &barrier.work);
    wait_for_completion(&barrier.done);
}
EXPORT_SYMBOL(flush_workqueue);

extern "C" struct work_struct* current_work(void)
{
    SpinLockGuard guard(wq_lock);
    workqueue_struct* wq;
    list_for_each_entry(wq, &all_workqueues, node) {
        if (wq->worker == current)
            return wq->running;
    }
    return nullptr;
}
EXPORT_SYMBOL(current_work);

extern "C" {
struct workqueue_struct* system_wq = nullptr;
struct workqueue_struct* system_long_wq = nullptr;
struct workqueue_struct* system_unbound_wq = nullptr;
struct workqueue_struct* system_highpri_wq = nullptr;
}
EXPORT_SYMBOL(system_wq);
EXPORT_SYMBOL(system_long_wq);
EXPORT_SYMBOL(system_unbound_wq);
EXPORT_SYMBOL(system_highpri_wq);

namespace {

// The system queue, named as in Linux 2.6; one worker serves all the aliases.
// Its worker starts later, in workqueue_init.
int workqueue_init_early()
{
    system_wq = create_queue("events");
    if (!system_wq)
        panic("workqueue: cannot allocate the system work queue");
    system_long_wq = system_unbound_wq = system_highpri_wq = system_wq;
    return 0;
}
core_initcall(workqueue_init_early);

} // namespace

void workqueue_init()
{
    start_worker(system_wq);
}
