// The line discipline's kernel side (Linux's n_tty): feeds received bytes to
// libk::LineDiscipline under the tty lock, and gives readers blocking, VMIN/VTIME and O_NONBLOCK.
#include "tty_struct.h"

#include <asm/signal.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>

namespace {

// Copies between user space and the line discipline go through this much stack at a time,
// because user memory may not be touched with the lock (interrupts off) held.
constexpr size_t chunk_size = 128;

bool input_ready(Tty* tty, size_t minimum)
{
    SpinLockGuard guard(tty->lock);
    return tty->ldisc.input_available(minimum);
}

size_t take_input(Tty* tty, char* buffer, size_t size, bool* line_done)
{
    SpinLockGuard guard(tty->lock);
    return tty->ldisc.read(buffer, size, line_done);
}

unsigned long deciseconds_to_jiffies(unsigned long ds)
{
    unsigned long ticks = msecs_to_jiffies(ds * 100);
    return ticks ? ticks : 1;
}

// Takes input only if the line discipline says some is ready, in one locked step, so a
// second reader cannot leave this one with a false end of file. -1: nothing ready.
ssize_t take_ready_input(Tty* tty, char* buffer, size_t size, bool* line_done)
{
    SpinLockGuard guard(tty->lock);
    if (!tty->ldisc.input_available())
        return -1;
    return static_cast<ssize_t>(tty->ldisc.read(buffer, size, line_done));
}

ssize_t read_canonical(Tty* tty, file* f, char __user* buffer, size_t count)
{
    // One line at most, in chunks; an empty result is the end of file (^D on an empty line).
    size_t copied = 0;
    for (;;) {
        char chunk[chunk_size];
        size_t want = count - copied < chunk_size ? count - copied : chunk_size;
        bool line_done = false;
        ssize_t n = take_ready_input(tty, chunk, want, &line_done);
        if (n < 0) {
            if (copied)
                break;
            if (f && (f->f_flags & O_NONBLOCK))
                return -EAGAIN;
            if (int error = n_tty_wait_input(tty, 1, 0); error < 0)
                return error;
            continue;
        }
        if (n && copy_to_user(buffer + copied, chunk, static_cast<size_t>(n)))
            return copied ? static_cast<ssize_t>(copied) : -EFAULT;
        copied += static_cast<size_t>(n);
        if (line_done || n == 0 || copied == count)
            break;
    }
    return static_cast<ssize_t>(copied);
}

// Non-canonical reads follow termios(3): VMIN bytes, VTIME tenths of a second.
ssize_t read_raw(Tty* tty, file* f, char __user* buffer, size_t count)
{
    libk::RawReadPlan plan;
    {
        SpinLockGuard guard(tty->lock);
        plan = libk::plan_raw_read(tty->ldisc.termios(), count);
    }
    unsigned long timeout = plan.timeout_ds ? deciseconds_to_jiffies(plan.timeout_ds) : 0;
    // VMIN = 0: the timer runs from the call; VMIN > 0: from each byte received.
    unsigned long deadline = plan.timeout_ds && !plan.inter_byte ? jiffies + timeout : 0;

    size_t copied = 0;
    for (;;) {
        char chunk[chunk_size];
        size_t want = count - copied < chunk_size ? count - copied : chunk_size;
        size_t n = take_input(tty, chunk, want, nullptr);
        if (n && copy_to_user(buffer + copied, chunk, n))
            return copied ? static_cast<ssize_t>(copied) : -EFAULT;
        copied += n;
        if (copied >= count)
            break;
        if (n > 0) {
            if (plan.inter_byte)
                deadline = jiffies + timeout;
            continue;   // take everything already waiting
        }
        if (copied >= plan.minimum)
            break;
        if (f && (f->f_flags & O_NONBLOCK)) {
            if (copied)
                break;
            return -EAGAIN;
        }
        int result = n_tty_wait_input(tty, 1, deadline);
        if (result == 1)
            break;   // the timer ran out: return what there is, maybe nothing
        if (result < 0)
            return copied ? static_cast<ssize_t>(copied) : result;
    }
    return static_cast<ssize_t>(copied);
}

} // namespace

void n_tty_receive(Tty* tty, char c)
{
    libk::LineDiscipline::ReceiveResult result;
    {
        SpinLockGuard guard(tty->lock);
        result = tty->ldisc.receive(static_cast<uint8_t>(c), tty->sink());
    }
    // ^C, ^\, ^Z: the foreground group of the session this is the terminal of.
    if (result.signal && tty->pgrp > 0)
        kill_pgrp(tty->pgrp, result.signal);
    if (result.wake_readers)
        tty->read_wait.wake_up_all();
}

int n_tty_wait_input(Tty* tty, size_t minimum, unsigned long deadline)
{
    // wait_until_interruptible with a deadline: the same steps, and a timed sleep.
    WaitQueueEntry entry { nullptr, {} };
    int result = 0;
    for (;;) {
        tty->read_wait.prepare_to_wait(entry, true);
        if (input_ready(tty, minimum))
            break;
        if (WaitQueue::current_signal_pending()) {
            result = -ERESTARTSYS;
            break;
        }
        if (!deadline) {
            WaitQueue::sleep();
            continue;
        }
        // Keeps the state prepare_to_wait set; a wake-up since then means no sleep.
        if (!WaitQueue::sleep_until(deadline) || !time_after(deadline, jiffies)) {
            result = 1;
            break;
        }
    }
    tty->read_wait.finish_wait(entry);
    if (result == 1 && input_ready(tty, minimum))
        result = 0;
    return result;
}

ssize_t n_tty_read(Tty* tty, file* f, char __user* buffer, size_t count)
{
    if (count == 0)
        return 0;
    // A background job reading its terminal is stopped (SIGTTIN), as with job control on Linux.
    if (int error = tty_check_change(tty, SIGTTIN); error)
        return error;
    bool canonical;
    {
        SpinLockGuard guard(tty->lock);
        canonical = tty->ldisc.termios().c_lflag & ICANON;
    }
    return canonical ? read_canonical(tty, f, buffer, count) : read_raw(tty, f, buffer, count);
}

ssize_t n_tty_write(Tty* tty, file* f, const char __user* buffer, size_t count)
{
    bool tostop;
    {
        SpinLockGuard guard(tty->lock);
        tostop = tty->ldisc.termios().c_lflag & TOSTOP;
    }
    if (tostop) {
        if (int error = tty_check_change(tty, SIGTTOU); error)
            return error;
    }
    size_t written = 0;
    while (written < count) {
        char chunk[chunk_size];
        size_t n = count - written < chunk_size ? count - written : chunk_size;
        if (copy_from_user(chunk, buffer + written, n))
            return written ? static_cast<ssize_t>(written) : -EFAULT;
        {
            // The lock keeps echo from landing inside this chunk and the column right.
            SpinLockGuard guard(tty->lock);
            tty->ldisc.write(chunk, n, tty->sink());
        }
        written += n;
    }
    return static_cast<ssize_t>(written);
}

__poll_t n_tty_poll(Tty* tty, file* f, poll_table* wait)
{
    poll_wait(f, &tty->read_wait, wait);
    SpinLockGuard guard(tty->lock);
    const libk::Termios& t = tty->ldisc.termios();
    // Raw mode with VMIN and no timer: readable once VMIN bytes are there (Linux's input_available_p).
    size_t minimum = !(t.c_lflag & ICANON) && t.c_cc[VTIME] == 0 && t.c_cc[VMIN] > 0 ? t.c_cc[VMIN] : 1;
    __poll_t mask = EPOLLOUT | EPOLLWRNORM;
    if (tty->ldisc.input_available(minimum))
        mask |= EPOLLIN | EPOLLRDNORM;
    return mask;
}
