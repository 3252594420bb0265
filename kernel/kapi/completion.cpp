// Completions (include/linux/completion.h): a counter of events and a wait
// queue. complete() holds interrupts off until the wake-up is done, so a
// waiter cannot see `done`, return and free the completion while complete()
// still uses it.
#include "internal.h"
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/kernel.h>

namespace {

constexpr unsigned int done_forever = UINT_MAX;   // complete_all

bool try_take(struct completion* x)
{
    uint32_t flags = arch::local_irq_save();
    bool taken = x->done > 0;
    if (taken && x->done != done_forever)
        --x->done;
    arch::local_irq_restore(flags);
    return taken;
}

} // namespace

extern "C" void complete(struct completion* x)
{
    uint32_t flags = arch::local_irq_save();
    if (x->done != done_forever)
        ++x->done;
    wake_up_all(&x->wait);
    arch::local_irq_restore(flags);
}
EXPORT_SYMBOL(complete);

extern "C" void complete_all(struct completion* x)
{
    uint32_t flags = arch::local_irq_save();
    x->done = done_forever;
    wake_up_all(&x->wait);
    arch::local_irq_restore(flags);
}
EXPORT_SYMBOL(complete_all);

extern "C" void wait_for_completion(struct completion* x)
{
    wait_event_state(x->wait, TASK_UNINTERRUPTIBLE, [x] { return try_take(x); });
}
EXPORT_SYMBOL(wait_for_completion);

extern "C" int wait_for_completion_interruptible(struct completion* x)
{
    return static_cast<int>(wait_event_state(x->wait, TASK_INTERRUPTIBLE, [x] { return try_take(x); }));
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

extern "C" int wait_for_completion_killable(struct completion* x)
{
    return static_cast<int>(wait_event_state(x->wait, TASK_KILLABLE, [x] { return try_take(x); }));
}
EXPORT_SYMBOL(wait_for_completion_killable);

extern "C" unsigned long wait_for_completion_timeout(struct completion* x, unsigned long timeout)
{
    return static_cast<unsigned long>(wait_event_state_timeout(x->wait, TASK_UNINTERRUPTIBLE,
        static_cast<long>(timeout), [x] { return try_take(x); }));
}
EXPORT_SYMBOL(wait_for_completion_timeout);

extern "C" long wait_for_completion_interruptible_timeout(struct completion* x, unsigned long timeout)
{
    return wait_event_state_timeout(x->wait, TASK_INTERRUPTIBLE, static_cast<long>(timeout),
        [x] { return try_take(x); });
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

extern "C" bool try_wait_for_completion(struct completion* x)
{
    return try_take(x);
}
EXPORT_SYMBOL(try_wait_for_completion);

extern "C" bool completion_done(struct completion* x)
{
    return READ_ONCE(x->done) > 0;
}
EXPORT_SYMBOL(completion_done);
