// Wait queues: a task sleeps on one until another task or an interrupt
// handler wakes it (Linux's wait_queue_head_t and wait_event).
#pragma once

#include <kernel/spinlock.h>
#include <libk/intrusive_list.h>

struct Task;

struct WaitQueueEntry {
    Task* task;
    libk::ListNode node;
};

class WaitQueue {
public:
    constexpr WaitQueue() = default;

    // Sleeps until `condition()` is true. After a first test, the condition is
    // checked with the task already queued, so a wake-up between the check
    // and the sleep is not lost.
    template<typename Condition>
    void wait_until(Condition condition)
    {
        if (condition())
            return;
        WaitQueueEntry entry { nullptr, {} };
        for (;;) {
            prepare_to_wait(entry);
            if (condition())
                break;
            sleep();
        }
        finish_wait(entry);
    }

    // Same, but gives up after `timeout_jiffies`; returns false on time-out.
    template<typename Condition>
    bool wait_until_timeout(Condition condition, unsigned long timeout_jiffies)
    {
        WaitQueueEntry entry { nullptr, {} };
        unsigned long deadline = deadline_from_now(timeout_jiffies);
        bool met = false;
        for (;;) {
            prepare_to_wait(entry);
            if ((met = condition()) || !sleep_until(deadline))
                break;
        }
        finish_wait(entry);
        return met || condition();
    }

    // Like wait_until, but a signal ends the wait: returns 0 when the condition
    // holds, -ERESTARTSYS when a signal is pending (Linux's wait_event_interruptible).
    template<typename Condition>
    int wait_until_interruptible(Condition condition)
    {
        if (condition())
            return 0;
        WaitQueueEntry entry { nullptr, {} };
        int result = 0;
        for (;;) {
            prepare_to_wait(entry, true);
            if (condition())
                break;
            if (current_signal_pending()) {
                result = -512;   // -ERESTARTSYS
                break;
            }
            sleep();
        }
        finish_wait(entry);
        return result;
    }

    void wake_up_one();
    void wake_up_all();

    // The building blocks of wait_until, for callers that need their own loop.
    void prepare_to_wait(WaitQueueEntry& entry, bool interruptible = false);   // queue current, mark it sleeping
    void finish_wait(WaitQueueEntry& entry);       // back to running, off the queue
    static void sleep();                           // schedule() away until woken
    static bool sleep_until(unsigned long deadline_jiffies); // false when the deadline passed
    static unsigned long deadline_from_now(unsigned long timeout_jiffies);
    static bool current_signal_pending();

private:
    bool has_sleepers();

    SpinLock m_lock;
    libk::IntrusiveList<WaitQueueEntry, &WaitQueueEntry::node> m_entries;
};
