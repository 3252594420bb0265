// The console input queue: a ring of bytes that the keyboard and serial interrupt
// handlers fill and that readers (the tty layer, self-tests) drain, sleeping while it is empty.
#include <kernel/console.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/wait.h>

namespace {

// A power of two, so the free-running head and tail indices wrap correctly.
constexpr size_t queue_size = 1024;
static_assert((queue_size & (queue_size - 1)) == 0);

// head and tail only ever grow: head - tail is the fill level even after they wrap.
constinit char s_buffer[queue_size];
constinit size_t s_head = 0; // where the next pushed character goes
constinit size_t s_tail = 0; // where the next read character comes from
constinit SpinLock s_lock;
constinit WaitQueue s_readers;

// Moves up to `size` queued characters to `buffer`; returns how many.
size_t take(char* buffer, size_t size)
{
    SpinLockGuard guard(s_lock);
    size_t count = 0;
    while (count < size && s_tail != s_head)
        buffer[count++] = s_buffer[s_tail++ % queue_size];
    return count;
}

bool input_ready() { return console_input_available() > 0; }

} // namespace

void console_input_push(char c)
{
    {
        SpinLockGuard guard(s_lock);
        // A full queue drops new input, as a terminal does when nobody reads.
        if (s_head - s_tail == queue_size)
            return;
        s_buffer[s_head++ % queue_size] = c;
    }
    // Outside the lock: wake_up_all takes the wait queue's own lock.
    s_readers.wake_up_all();
}

size_t console_input_available()
{
    SpinLockGuard guard(s_lock);
    return s_head - s_tail;
}

size_t console_input_read(char* buffer, size_t size)
{
    if (size == 0)
        return 0;
    // Loop because another reader woken by the same interrupt may have emptied the queue first.
    for (;;) {
        if (size_t count = take(buffer, size))
            return count;
        s_readers.wait_until(input_ready);
    }
}

size_t console_input_read_timeout(char* buffer, size_t size, unsigned long timeout_ms)
{
    if (size == 0)
        return 0;
    unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
    for (;;) {
        if (size_t count = take(buffer, size))
            return count;
        unsigned long now = jiffies;
        if (!time_after(deadline, now))
            return 0;
        if (!s_readers.wait_until_timeout(input_ready, deadline - now))
            return 0;
    }
}
