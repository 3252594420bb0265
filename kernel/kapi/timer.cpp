// Kernel timers (include/linux/timer.h): one list of pending timers, checked
// on every tick; expired ones run in the timer interrupt, as Linux runs them
// in its timer softirq. One CPU: a callback never runs while process code
// holds interrupts off, which is what makes del_timer already "sync".
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/timer.h>
#include "internal.h"

namespace {

constinit SpinLock timer_lock;
constinit LIST_HEAD(pending_timers);

bool is_pending(const timer_list* timer)
{
    return timer->entry.next != nullptr;
}

// Off whatever list it is on (pending, or this tick's expired list).
void detach(timer_list* timer)
{
    list_del(&timer->entry);
    timer->entry.next = nullptr;
    timer->entry.prev = nullptr;
}

} // namespace

extern "C" int mod_timer(struct timer_list* timer, unsigned long expires)
{
    SpinLockGuard guard(timer_lock);
    bool was_pending = is_pending(timer);
    if (was_pending)
        detach(timer);
    timer->expires = expires;
    list_add_tail(&timer->entry, &pending_timers);
    return was_pending;
}
EXPORT_SYMBOL(mod_timer);

extern "C" void add_timer(struct timer_list* timer)
{
    if (timer_pending(timer))
        printk(KERN_WARNING "add_timer: timer %p is already pending\n", static_cast<void*>(timer));
    mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

extern "C" int del_timer(struct timer_list* timer)
{
    SpinLockGuard guard(timer_lock);
    if (!is_pending(timer))
        return 0;
    detach(timer);
    return 1;
}
EXPORT_SYMBOL(del_timer);

extern "C" int del_timer_sync(struct timer_list* timer)
{
    return del_timer(timer);
}
EXPORT_SYMBOL(del_timer_sync);

void run_local_timers()
{
    run_tasklets();

    // Expired timers move to a list of their own first: a callback that re-arms
    // its timer for `jiffies` then runs on the next tick, not in a loop now.
    LIST_HEAD(expired);
    {
        SpinLockGuard guard(timer_lock);
        timer_list* timer;
        timer_list* next;
        list_for_each_entry_safe(timer, next, &pending_timers, entry) {
            if (!time_after(timer->expires, jiffies))
                list_move_tail(&timer->entry, &expired);
        }
    }
    for (;;) {
        timer_function_t function;
        unsigned long data;
        {
            // A callback may delete or re-arm any timer, this tick's included.
            SpinLockGuard guard(timer_lock);
            if (list_empty(&expired))
                break;
            timer_list* timer = list_first_entry(&expired, timer_list, entry);
            detach(timer);
            function = timer->function;
            data = timer->data;
        }
        if (function)
            function(data);
    }
}
