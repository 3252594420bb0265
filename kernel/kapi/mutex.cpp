// struct mutex (include/linux/mutex.h): a sleeping lock. A task that finds it
// held sleeps on the mutex's wait queue; unlock wakes the waiters to retry.
#include "internal.h"
#include <kernel/panic.h>
#include <linux/export.h>
#include <linux/mutex.h>

namespace {

// Takes the mutex if it is free: one locked cmpxchg, which is also the full
// barrier between a sleeper's queueing and its test (mutex_unlock's fence
// pairs with it).
bool try_take(struct mutex* lock)
{
    task_struct* expected = nullptr;
    return __atomic_compare_exchange_n(&lock->owner, &expected, to_task_struct(current), false, __ATOMIC_ACQUIRE,
        __ATOMIC_RELAXED);
}

long lock_in_state(struct mutex* lock, long state)
{
    if (lock->owner == to_task_struct(current))
        panic("mutex %p: %s already holds it (deadlock)", static_cast<void*>(lock), current->comm);
    return wait_event_state(lock->wait_list, state, [lock] { return try_take(lock); });
}

} // namespace

extern "C" void mutex_init(struct mutex* lock)
{
    lock->owner = nullptr;
    init_waitqueue_head(&lock->wait_list);
}
EXPORT_SYMBOL(mutex_init);

extern "C" void mutex_lock(struct mutex* lock)
{
    lock_in_state(lock, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(mutex_lock);

extern "C" int mutex_lock_interruptible(struct mutex* lock)
{
    return lock_in_state(lock, TASK_INTERRUPTIBLE) ? -EINTR : 0;
}
EXPORT_SYMBOL(mutex_lock_interruptible);

extern "C" int mutex_lock_killable(struct mutex* lock)
{
    return lock_in_state(lock, TASK_KILLABLE) ? -EINTR : 0;
}
EXPORT_SYMBOL(mutex_lock_killable);

extern "C" int mutex_trylock(struct mutex* lock)
{
    return try_take(lock);
}
EXPORT_SYMBOL(mutex_trylock);

extern "C" void mutex_unlock(struct mutex* lock)
{
    if (lock->owner != to_task_struct(current))
        printk(KERN_WARNING "mutex_unlock: %p not held by %s\n", static_cast<void*>(lock), current->comm);
    __atomic_store_n(&lock->owner, nullptr, __ATOMIC_RELEASE);
    wake_up(&lock->wait_list);   // tests for sleepers after a full fence
}
EXPORT_SYMBOL(mutex_unlock);
