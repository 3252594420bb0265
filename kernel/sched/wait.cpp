// Wait queues: the sleeping side queues itself and calls schedule(); wake-ups
// make every queued task runnable again, and each rechecks its condition.
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/wait.h>

void WaitQueue::prepare_to_wait(WaitQueueEntry& entry, bool interruptible)
{
    SpinLockGuard guard(m_lock);
    entry.task = current;
    if (!decltype(m_entries)::is_linked(entry.node))
        m_entries.push_back(entry);
    current->state = interruptible ? TaskState::Interruptible : TaskState::Uninterruptible;
}

bool WaitQueue::current_signal_pending()
{
    return signal_pending(current);
}

void WaitQueue::finish_wait(WaitQueueEntry& entry)
{
    SpinLockGuard guard(m_lock);
    current->state = TaskState::Running;
    if (decltype(m_entries)::is_linked(entry.node))
        m_entries.remove(entry);
}

void WaitQueue::sleep()
{
    schedule();
}

bool WaitQueue::sleep_until(unsigned long deadline_jiffies)
{
    return schedule_timeout_until(deadline_jiffies) > 0;
}

unsigned long WaitQueue::deadline_from_now(unsigned long timeout_jiffies)
{
    return jiffies + timeout_jiffies;
}

// Nobody waiting is the common case (every mutex_unlock wakes): no lock then.
// A sleeper queues itself before it tests its condition, so one that queues
// after this test sees the waker's change (the fence orders that change
// before the test, as Linux's wq_has_sleeper).
bool WaitQueue::has_sleepers()
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return !m_entries.is_empty();
}

void WaitQueue::wake_up_one()
{
    if (!has_sleepers())
        return;
    SpinLockGuard guard(m_lock);
    for (WaitQueueEntry& entry : m_entries) {
        if (wake_up_process(entry.task))
            return;
    }
}

void WaitQueue::wake_up_all()
{
    if (!has_sleepers())
        return;
    SpinLockGuard guard(m_lock);
    for (WaitQueueEntry& entry : m_entries)
        wake_up_process(entry.task);
}
