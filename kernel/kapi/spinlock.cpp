// spinlock_t for modules (include/linux/spinlock.h): the kernel's SpinLock
// plus the interrupt state spin_lock saved, so spin_unlock can restore it.
#include <kernel/spinlock.h>
#include <linux/export.h>
#include <linux/spinlock.h>
#include <stddef.h>

// spinlock_t::locked is a SpinLock: one bool, nothing else.
static_assert(sizeof(SpinLock) == sizeof(spinlock_t::locked));
static_assert(alignof(SpinLock) == alignof(unsigned char));
static_assert(offsetof(spinlock_t, locked) == 0);

namespace {

SpinLock& kernel_lock(spinlock_t* lock)
{
    return *reinterpret_cast<SpinLock*>(const_cast<unsigned char*>(&lock->locked));
}

} // namespace

extern "C" void _raw_spin_lock(spinlock_t* lock)
{
    uint32_t flags = kernel_lock(lock).lock();
    lock->irq_flags = flags;
}
EXPORT_SYMBOL(_raw_spin_lock);

extern "C" void _raw_spin_unlock(spinlock_t* lock)
{
    kernel_lock(lock).unlock(static_cast<uint32_t>(lock->irq_flags));
}
EXPORT_SYMBOL(_raw_spin_unlock);

extern "C" int _raw_spin_trylock(spinlock_t* lock)
{
    uint32_t flags = arch::local_irq_save();
    if (kernel_lock(lock).is_locked()) {
        arch::local_irq_restore(flags);
        return 0;
    }
    kernel_lock(lock).lock();
    lock->irq_flags = flags;
    return 1;
}
EXPORT_SYMBOL(_raw_spin_trylock);

extern "C" unsigned long _raw_spin_lock_irqsave(spinlock_t* lock)
{
    return kernel_lock(lock).lock();
}
EXPORT_SYMBOL(_raw_spin_lock_irqsave);

extern "C" void _raw_spin_unlock_irqrestore(spinlock_t* lock, unsigned long flags)
{
    kernel_lock(lock).unlock(static_cast<uint32_t>(flags));
}
EXPORT_SYMBOL(_raw_spin_unlock_irqrestore);

extern "C" void _raw_spin_lock_irq(spinlock_t* lock)
{
    kernel_lock(lock).lock();
}
EXPORT_SYMBOL(_raw_spin_lock_irq);

// spin_unlock_irq turns interrupts on whatever the state was before (Linux).
extern "C" void _raw_spin_unlock_irq(spinlock_t* lock)
{
    kernel_lock(lock).unlock(arch::eflags_if);
}
EXPORT_SYMBOL(_raw_spin_unlock_irq);
