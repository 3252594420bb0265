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

void WaitQueue::wake_up_one()
{
    SpinLockGuard guard(m_lock);
    for (WaitQueueEntry& entry : m_entries) {
        if (wake_up_process(entry.task))
            return;
    }
}

void WaitQueue::wake_up_all()
{
    SpinLockGuard guard(m_lock);
    for (WaitQueueEntry& entry : m_entries)
        wake_up_process(entry.task);
}
