/* Reader-writer locks (rwlock_t, read_lock/write_lock and their _irq, _irqsave
 * and _bh forms). Included by linux/spinlock.h, as in Linux. */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/spinlock.h>

/* Reader-writer locks: with one CPU and interrupts off, a plain lock. */
typedef spinlock_t rwlock_t;
#define DEFINE_RWLOCK(name) rwlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define rwlock_init(lock) spin_lock_init(lock)
#define read_lock(lock) spin_lock(lock)
#define read_unlock(lock) spin_unlock(lock)
#define write_lock(lock) spin_lock(lock)
#define write_unlock(lock) spin_unlock(lock)
#define read_lock_irqsave(lock, flags) spin_lock_irqsave(lock, flags)
#define read_unlock_irqrestore(lock, flags) spin_unlock_irqrestore(lock, flags)
#define write_lock_irqsave(lock, flags) spin_lock_irqsave(lock, flags)
#define write_unlock_irqrestore(lock, flags) spin_unlock_irqrestore(lock, flags)
#define read_lock_irq(lock) spin_lock_irq(lock)
#define read_unlock_irq(lock) spin_unlock_irq(lock)
#define write_lock_irq(lock) spin_lock_irq(lock)
#define write_unlock_irq(lock) spin_unlock_irq(lock)
#define write_trylock(lock) spin_trylock(lock)
#define read_trylock(lock) spin_trylock(lock)
#define read_lock_bh(lock) spin_lock(lock)
#define read_unlock_bh(lock) spin_unlock(lock)
#define write_lock_bh(lock) spin_lock(lock)
#define write_unlock_bh(lock) spin_unlock(lock)

#endif
