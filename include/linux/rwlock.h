/* Reader-writer locks (rwlock_t, read_lock/write_lock and their _irq, _irqsave
 * and _bh forms). Included by linux/spinlock.h, as in Linux. Readers share the
 * lock (a reader may take it again while it holds it, as Linux allows); a
 * writer has it alone. With one CPU every holder runs with interrupts off, so
 * a writer meeting a holder can only be a deadlock: it panics, as a second
 * spin_lock does (kernel/kapi/rwlock.cpp). */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/spinlock.h>

typedef struct {
    int readers;                 /* read_lock holders */
    unsigned char writer;        /* 1 while write-locked */
    unsigned long irq_flags;     /* the interrupt state before the first holder */
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name) { 0, 0, 0 }
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)

#ifdef __cplusplus
extern "C" {
#endif

unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
int _raw_read_trylock(rwlock_t *lock);
int _raw_write_trylock(rwlock_t *lock);
void _raw_read_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);

#ifdef __cplusplus
}
#endif

static inline void rwlock_init(rwlock_t *lock)
{
    lock->readers = 0;
    lock->writer = 0;
    lock->irq_flags = 0;
}

#define read_lock(lock) _raw_read_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define read_trylock(lock) _raw_read_trylock(lock)
#define write_trylock(lock) _raw_write_trylock(lock)
#define read_lock_irqsave(lock, flags) do { (flags) = _raw_read_lock_irqsave(lock); } while (0)
#define read_unlock_irqrestore(lock, flags) _raw_read_unlock_irqrestore(lock, flags)
#define write_lock_irqsave(lock, flags) do { (flags) = _raw_write_lock_irqsave(lock); } while (0)
#define write_unlock_irqrestore(lock, flags) _raw_write_unlock_irqrestore(lock, flags)
/* _irq: interrupts are on after the unlock, whatever they were before (Linux). */
#define read_lock_irq(lock) ((void)_raw_read_lock_irqsave(lock))
#define read_unlock_irq(lock) _raw_read_unlock_irqrestore(lock, X86_EFLAGS_IF_ON)
#define write_lock_irq(lock) ((void)_raw_write_lock_irqsave(lock))
#define write_unlock_irq(lock) _raw_write_unlock_irqrestore(lock, X86_EFLAGS_IF_ON)
#define read_lock_bh(lock) read_lock(lock)       /* timers run in interrupt context */
#define read_unlock_bh(lock) read_unlock(lock)
#define write_lock_bh(lock) write_lock(lock)
#define write_unlock_bh(lock) write_unlock(lock)

#define X86_EFLAGS_IF_ON 0x00000200UL

#endif
