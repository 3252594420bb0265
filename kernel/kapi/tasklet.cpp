// Tasklets (include/linux/interrupt.h): bottom halves an interrupt handler
// schedules; they run on the next timer tick, in interrupt context.
#include <kernel/spinlock.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include "internal.h"

namespace {

constexpr unsigned long tasklet_running = 2;   // beside TASKLET_STATE_SCHED

constinit SpinLock tasklet_lock;
constinit tasklet_struct* pending_head = nullptr;
constinit tasklet_struct** pending_tail = &pending_head;

void append(tasklet_struct* t)
{
    t->next = nullptr;
    *pending_tail = t;
    pending_tail = &t->next;
}

} // namespace

extern "C" void tasklet_init(struct tasklet_struct* t, void (*func)(unsigned long), unsigned long data)
{
    *t = {};
    t->func = func;
    t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

extern "C" void tasklet_setup(struct tasklet_struct* t, void (*callback)(struct tasklet_struct*))
{
    *t = {};
    t->use_callback = true;
    t->callback = callback;
}
EXPORT_SYMBOL(tasklet_setup);

extern "C" void tasklet_schedule(struct tasklet_struct* t)
{
    SpinLockGuard guard(tasklet_lock);
    if (t->state & TASKLET_STATE_SCHED)
        return;   // already due: it runs once
    t->state |= TASKLET_STATE_SCHED;
    append(t);
}
EXPORT_SYMBOL(tasklet_schedule);

extern "C" void tasklet_kill(struct tasklet_struct* t)
{
    while (READ_ONCE(t->state) & (TASKLET_STATE_SCHED | tasklet_running))
        schedule_timeout_uninterruptible(1);
}
EXPORT_SYMBOL(tasklet_kill);

void run_tasklets()
{
    tasklet_struct* list;
    {
        SpinLockGuard guard(tasklet_lock);
        list = pending_head;
        pending_head = nullptr;
        pending_tail = &pending_head;
    }
    while (list) {
        tasklet_struct* t = list;
        list = t->next;
        if (READ_ONCE(t->count) != 0) {
            SpinLockGuard guard(tasklet_lock);
            append(t);   // disabled: stays due until tasklet_enable
            continue;
        }
        t->state = (t->state & ~TASKLET_STATE_SCHED) | tasklet_running;
        if (t->use_callback)
            t->callback(t);
        else
            t->func(t->data);
        t->state &= ~tasklet_running;
    }
}
