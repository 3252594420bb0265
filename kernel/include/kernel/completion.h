// A one-shot event to wait for (Linux's struct completion).
#pragma once

#include <kernel/wait.h>

class Completion {
public:
    constexpr Completion() = default;
    void complete()
    {
        m_done = true;
        m_waiters.wake_up_all();
    }
    void wait()
    {
        m_waiters.wait_until([this] { return m_done; });
    }
    bool is_done() const { return m_done; }

private:
    volatile bool m_done { false };
    WaitQueue m_waiters;
};
