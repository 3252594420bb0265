// The one non-inline part of SpinLock: catching a second acquire, which on one
// CPU can only be a deadlock in the making.
#include <kernel/panic.h>
#include <kernel/spinlock.h>

void SpinLock::acquire()
{
    if (m_locked)
        panic("spinlock %p: recursive lock (deadlock)", static_cast<void*>(this));
    m_locked = true;
}
