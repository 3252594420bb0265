// rwlock_t for modules (include/linux/rwlock.h). One CPU: taking the lock turns
// interrupts off, which keeps every other task and handler out while it is
// held; the counts say who holds it, so readers share it (nested read_lock
// works, as on Linux) and a writer meeting a holder is a deadlock.
#include <arch/x86.h>
#include <kernel/panic.h>
#include <linux/export.h>
#include <linux/rwlock.h>

namespace {

// The holder's interrupt state: that of the first holder, restored by the last.
unsigned long take(rwlock_t* lock, bool write)
{
    unsigned long flags = arch::local_irq_save();
    if (lock->writer || (write && lock->readers))
        panic("rwlock %p: %s_lock while %s holds it: deadlock", static_cast<void*>(lock), write ? "write" : "read",
            lock->writer ? "a writer" : "a reader");
    if (write)
        lock->writer = 1;
    if (!write && lock->readers++ > 0)
        return flags;   // a reader already saved the state to restore
    lock->irq_flags = flags;
    return flags;
}

// Releases one hold; true when it was the last.
bool release(rwlock_t* lock, bool write)
{
    if (write) {
        lock->writer = 0;
        return true;
    }
    return --lock->readers == 0;
}

} // namespace

extern "C" void _raw_read_lock(rwlock_t* lock) { take(lock, false); }
EXPORT_SYMBOL(_raw_read_lock);

extern "C" void _raw_write_lock(rwlock_t* lock) { take(lock, true); }
EXPORT_SYMBOL(_raw_write_lock);

extern "C" void _raw_read_unlock(rwlock_t* lock)
{
    unsigned long flags = lock->irq_flags;
    if (release(lock, false))
        arch::local_irq_restore(static_cast<uint32_t>(flags));
}
EXPORT_SYMBOL(_raw_read_unlock);

extern "C" void _raw_write_unlock(rwlock_t* lock)
{
    unsigned long flags = lock->irq_flags;
    release(lock, true);
    arch::local_irq_restore(static_cast<uint32_t>(flags));
}
EXPORT_SYMBOL(_raw_write_unlock);

extern "C" unsigned long _raw_read_lock_irqsave(rwlock_t* lock) { return take(lock, false); }
EXPORT_SYMBOL(_raw_read_lock_irqsave);

extern "C" unsigned long _raw_write_lock_irqsave(rwlock_t* lock) { return take(lock, true); }
EXPORT_SYMBOL(_raw_write_lock_irqsave);

// The _irqsave forms restore the state their own lock call returned.
extern "C" void _raw_read_unlock_irqrestore(rwlock_t* lock, unsigned long flags)
{
    release(lock, false);
    arch::local_irq_restore(static_cast<uint32_t>(flags));
}
EXPORT_SYMBOL(_raw_read_unlock_irqrestore);

extern "C" void _raw_write_unlock_irqrestore(rwlock_t* lock, unsigned long flags)
{
    release(lock, true);
    arch::local_irq_restore(static_cast<uint32_t>(flags));
}
EXPORT_SYMBOL(_raw_write_unlock_irqrestore);

extern "C" int _raw_read_trylock(rwlock_t* lock)
{
    uint32_t flags = arch::local_irq_save();
    bool free = !lock->writer;
    arch::local_irq_restore(flags);
    if (free)
        take(lock, false);
    return free;
}
EXPORT_SYMBOL(_raw_read_trylock);

extern "C" int _raw_write_trylock(rwlock_t* lock)
{
    uint32_t flags = arch::local_irq_save();
    bool free = !lock->writer && !lock->readers;
    arch::local_irq_restore(flags);
    if (free)
        take(lock, true);
    return free;
}
EXPORT_SYMBOL(_raw_write_trylock);
