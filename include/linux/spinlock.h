/* Spinlocks for modules. kernlab has one CPU, so every variant disables
 * interrupts: that is what makes the holder alone (spin_lock included, which
 * remembers the interrupt state in the lock for spin_unlock). */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/types.h>

/* `locked` is the kernel's SpinLock (kernel/include/kernel/spinlock.h), so a
 * second acquire panics as a deadlock; irq_flags holds the state spin_lock saved. */
typedef struct spinlock {
    volatile unsigned char locked;
    unsigned long irq_flags;
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RAW_SPINLOCK(name) DEFINE_SPINLOCK(name)

#ifdef __cplusplus
extern "C" {
#endif

void _raw_spin_lock(spinlock_t *lock);
void _raw_spin_unlock(spinlock_t *lock);
int _raw_spin_trylock(spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void _raw_spin_lock_irq(spinlock_t *lock);
void _raw_spin_unlock_irq(spinlock_t *lock);

#ifdef __cplusplus
}
#endif

static inline void spin_lock_init(spinlock_t *lock)
{
    lock->locked = 0;
    lock->irq_flags = 0;
}
#define raw_spin_lock_init(lock) spin_lock_init(lock)

#define spin_lock(lock) _raw_spin_lock(lock)
#define spin_unlock(lock) _raw_spin_unlock(lock)
#define spin_trylock(lock) _raw_spin_trylock(lock)
#define spin_lock_bh(lock) _raw_spin_lock(lock)     /* timers run in interrupt context */
#define spin_unlock_bh(lock) _raw_spin_unlock(lock)
#define spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define spin_lock_irqsave(lock, flags) do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore(lock, flags)
#define spin_lock_nested(lock, subclass) spin_lock(lock)
#define spin_is_locked(lock) ((lock)->locked != 0)
#define assert_spin_locked(lock) do { } while (0)

#define raw_spin_lock(lock) spin_lock(lock)
#define raw_spin_unlock(lock) spin_unlock(lock)
#define raw_spin_lock_irqsave(lock, flags) spin_lock_irqsave(lock, flags)
#define raw_spin_unlock_irqrestore(lock, flags) spin_unlock_irqrestore(lock, flags)

#include <linux/rwlock.h>   /* as Linux's spinlock.h includes it */

#endif
