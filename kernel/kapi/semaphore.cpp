// Counting semaphores (include/linux/semaphore.h) on a wait queue.
#include "internal.h"
#include <linux/export.h>
#include <linux/semaphore.h>

namespace {

bool try_down(struct semaphore* sem)
{
    uint32_t flags = arch::local_irq_save();
    bool taken = sem->count > 0;
    if (taken)
        --sem->count;
    arch::local_irq_restore(flags);
    return taken;
}

} // namespace

extern "C" void sema_init(struct semaphore* sem, int val)
{
    sem->count = static_cast<unsigned int>(val);
    init_waitqueue_head(&sem->wait_list);
}
EXPORT_SYMBOL(sema_init);

extern "C" void down(struct semaphore* sem)
{
    wait_event_state(sem->wait_list, TASK_UNINTERRUPTIBLE, [sem] { return try_down(sem); });
}
EXPORT_SYMBOL(down);

extern "C" int down_interruptible(struct semaphore* sem)
{
    return wait_event_state(sem->wait_list, TASK_INTERRUPTIBLE, [sem] { return try_down(sem); }) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_interruptible);

extern "C" int down_killable(struct semaphore* sem)
{
    return wait_event_state(sem->wait_list, TASK_KILLABLE, [sem] { return try_down(sem); }) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_killable);

extern "C" int down_trylock(struct semaphore* sem)
{
    return try_down(sem) ? 0 : 1;
}
EXPORT_SYMBOL(down_trylock);

extern "C" int down_timeout(struct semaphore* sem, long timeout)
{
    long left = wait_event_state_timeout(sem->wait_list, TASK_UNINTERRUPTIBLE, timeout, [sem] { return try_down(sem); });
    return left > 0 ? 0 : -ETIME;
}
EXPORT_SYMBOL(down_timeout);

extern "C" void up(struct semaphore* sem)
{
    uint32_t flags = arch::local_irq_save();
    ++sem->count;
    arch::local_irq_restore(flags);
    wake_up(&sem->wait_list);
}
EXPORT_SYMBOL(up);
