/* Sleeping locks (struct mutex): a task that finds the mutex held sleeps on its
 * wait queue instead of spinning. Only process context may take one. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/wait.h>

struct mutex {
    struct task_struct *owner;    /* NULL while free */
    wait_queue_head_t wait_list;  /* who waits for it */
};

#define __MUTEX_INITIALIZER(name) { }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

#ifdef __cplusplus
extern "C" {
#endif

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 0 with the mutex held, -EINTR when a signal came first. */
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
/* 1 when taken, 0 when someone holds it (no sleeping). */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

#ifdef __cplusplus
}
#endif

static inline bool mutex_is_locked(struct mutex *lock)
{
    return READ_ONCE(lock->owner) != NULL;
}

#define mutex_destroy(lock) do { } while (0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)

#endif
