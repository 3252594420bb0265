/* Counting semaphores: down() takes one of `count` units, sleeping while none
 * is left; up() gives one back and wakes a sleeper. */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/types.h>
#include <linux/wait.h>

struct semaphore {
    unsigned int count;
    wait_queue_head_t wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n) { (n), { } }
#define __DEFINE_SEMAPHORE_COUNT(unused, n, ...) n
/* DEFINE_SEMAPHORE(name) is a binary semaphore (before Linux 6.4);
 * DEFINE_SEMAPHORE(name, n) starts at n (6.4 and later). */
#define DEFINE_SEMAPHORE(name, ...) \
    struct semaphore name = __SEMAPHORE_INITIALIZER(name, __DEFINE_SEMAPHORE_COUNT(0, ##__VA_ARGS__, 1))

#ifdef __cplusplus
extern "C" {
#endif

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* 0, or -EINTR when a signal came first. */
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
/* 0 when taken, 1 when it would have slept (note: the reverse of mutex_trylock). */
int down_trylock(struct semaphore *sem);
/* 0, or -ETIME after `timeout` jiffies. */
int down_timeout(struct semaphore *sem, long timeout);
void up(struct semaphore *sem);

#ifdef __cplusplus
}
#endif

/* 2.6-era names. */
#define init_MUTEX(sem) sema_init(sem, 1)
#define init_MUTEX_LOCKED(sem) sema_init(sem, 0)

#endif
