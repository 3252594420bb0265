// Spinlocks. kernlab runs on one CPU, so taking a lock means disabling
// interrupts; the lock word still catches a second acquire (a deadlock on SMP).
#pragma once

#include <arch/x86.h>

class SpinLock {
public:
    constexpr SpinLock() = default;

    // Returns the interrupt state to give back to unlock().
    uint32_t lock()
    {
        uint32_t flags = arch::local_irq_save();
        acquire();
        return flags;
    }
    void unlock(uint32_t flags)
    {
        m_locked = false;
        arch::local_irq_restore(flags);
    }
    bool is_locked() const { return m_locked; }

private:
    void acquire();
    volatile bool m_locked { false };
};

// Holds a SpinLock for one scope and restores the interrupt state on exit.
class SpinLockGuard {
public:
    explicit SpinLockGuard(SpinLock& lock)
        : m_lock(lock)
        , m_flags(lock.lock())
    {
    }
    ~SpinLockGuard() { m_lock.unlock(m_flags); }
    SpinLockGuard(const SpinLockGuard&) = delete;
    SpinLockGuard& operator=(const SpinLockGuard&) = delete;

private:
    SpinLock& m_lock;
    uint32_t m_flags;
};
