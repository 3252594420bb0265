// Wait queues for modules (include/linux/wait.h): the C entry points behind
// wait_event and wake_up, on top of the kernel's WaitQueue.
#include "internal.h"
#include <kernel/signal.h>
#include <linux/export.h>
#include <new>

// wait_queue_head_t is the kernel's WaitQueue; C sees its layout as fields.
static_assert(sizeof(__wait_queue_head_layout) == sizeof(WaitQueue));
static_assert(alignof(__wait_queue_head_layout) == alignof(WaitQueue));
static_assert(sizeof(wait_queue_entry_t) == sizeof(WaitQueueEntry));
static_assert(alignof(wait_queue_entry_t) == alignof(WaitQueueEntry));
static_assert(offsetof(wait_queue_entry_t, private_) == offsetof(WaitQueueEntry, task));
static_assert(offsetof(wait_queue_entry_t, __link) == offsetof(WaitQueueEntry, node));

namespace {

WaitQueueEntry& kernel_entry(wait_queue_entry_t* entry)
{
    return *reinterpret_cast<WaitQueueEntry*>(entry);
}

bool sleeps_interruptibly(long state)
{
    return state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL);
}

} // namespace

extern "C" void init_waitqueue_head(wait_queue_head_t* wq)
{
    new (wq) WaitQueue();
}
EXPORT_SYMBOL(init_waitqueue_head);

extern "C" void prepare_to_wait(wait_queue_head_t* wq, wait_queue_entry_t* entry, int state)
{
    wq->prepare_to_wait(kernel_entry(entry), sleeps_interruptibly(state));
}
EXPORT_SYMBOL(prepare_to_wait);

// Exclusive waiters are woken like the others: each rechecks its condition.
extern "C" void prepare_to_wait_exclusive(wait_queue_head_t* wq, wait_queue_entry_t* entry, int state)
{
    prepare_to_wait(wq, entry, state);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

extern "C" void finish_wait(wait_queue_head_t* wq, wait_queue_entry_t* entry)
{
    wq->finish_wait(kernel_entry(entry));
}
EXPORT_SYMBOL(finish_wait);

// add/remove_wait_queue leave the task state to the caller, so the state the
// WaitQueue methods set is put back (with interrupts off, so no wake-up slips in).
extern "C" void add_wait_queue(wait_queue_head_t* wq, wait_queue_entry_t* entry)
{
    uint32_t flags = arch::local_irq_save();
    TaskState state = current->state;
    wq->prepare_to_wait(kernel_entry(entry));
    current->state = state;
    arch::local_irq_restore(flags);
}
EXPORT_SYMBOL(add_wait_queue);

extern "C" void add_wait_queue_exclusive(wait_queue_head_t* wq, wait_queue_entry_t* entry)
{
    add_wait_queue(wq, entry);
}
EXPORT_SYMBOL(add_wait_queue_exclusive);

extern "C" void remove_wait_queue(wait_queue_head_t* wq, wait_queue_entry_t* entry)
{
    uint32_t flags = arch::local_irq_save();
    TaskState state = current->state;
    wq->finish_wait(kernel_entry(entry));
    current->state = state;
    arch::local_irq_restore(flags);
}
EXPORT_SYMBOL(remove_wait_queue);

// Every waiter is woken whatever `mode` and `nr` say: waiters recheck their
// condition, so waking too many costs time, never correctness.
extern "C" void __wake_up(wait_queue_head_t* wq, unsigned int, int, void*)
{
    wq->wake_up_all();
}
EXPORT_SYMBOL(__wake_up);

// Read through the C layout: the list sentinel's `next` (its first pointer, as
// in list_head) is null or points to itself while nobody waits
// (libk::IntrusiveList's empty states).
extern "C" int waitqueue_active(wait_queue_head_t* wq)
{
    static_assert(offsetof(libk::ListNode, next) == 0);
    auto* layout = reinterpret_cast<__wait_queue_head_layout*>(wq);
    void* next = READ_ONCE(layout->__entries[0]);
    return next && next != &layout->__entries[0];
}
EXPORT_SYMBOL(waitqueue_active);

extern "C" long __wait_event_interrupted(long state)
{
    if ((state & TASK_INTERRUPTIBLE) && signal_pending(current))
        return -ERESTARTSYS;
    if ((state & TASK_WAKEKILL) && fatal_signal_pending(to_task_struct(current)))
        return -ERESTARTSYS;
    return 0;
}
EXPORT_SYMBOL(__wait_event_interrupted);

// The 2.6 sleeping calls (removed in Linux 3.15: a wake-up between the caller's
// test and the sleep is lost, which wait_event's loop avoids). Queue, sleep once,
// leave the queue; the timeout forms return the jiffies left.
namespace {

long sleep_on_common(wait_queue_head_t* wq, long state, long timeout)
{
    wait_queue_entry_t entry = {};
    prepare_to_wait(wq, &entry, static_cast<int>(state));
    if (!__wait_event_interrupted(state))   // a pending signal ends an interruptible sleep at once
        timeout = schedule_timeout(timeout);
    finish_wait(wq, &entry);
    return timeout;
}

} // namespace

extern "C" void interruptible_sleep_on(wait_queue_head_t* wq)
{
    sleep_on_common(wq, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(interruptible_sleep_on);

extern "C" long interruptible_sleep_on_timeout(wait_queue_head_t* wq, long timeout)
{
    return sleep_on_common(wq, TASK_INTERRUPTIBLE, timeout);
}
EXPORT_SYMBOL(interruptible_sleep_on_timeout);

extern "C" void sleep_on(wait_queue_head_t* wq)
{
    sleep_on_common(wq, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(sleep_on);

extern "C" long sleep_on_timeout(wait_queue_head_t* wq, long timeout)
{
    return sleep_on_common(wq, TASK_UNINTERRUPTIBLE, timeout);
}
EXPORT_SYMBOL(sleep_on_timeout);
