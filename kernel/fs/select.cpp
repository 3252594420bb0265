// poll(), select() and their p* forms: ask each file's f_op->poll, sleep on
// every wait queue the files named (poll_wait) until one is ready, a signal or
// the time-out. pselect6 and ppoll swap in a signal mask for the wait.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/user_time.h>
#include <kernel/wait.h>
#include <libk/string.h>
#include <linux/time_types.h>

namespace {

struct pollfd_user {   // struct pollfd (asm-generic/poll.h)
    int fd;
    short events;
    short revents;
};

struct timeval_user {
    long tv_sec;
    long tv_usec;
};

constexpr __poll_t DEFAULT_POLLMASK = EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;
constexpr unsigned max_poll_fds = 1024;
constexpr int max_poll_entries = 64;
constexpr long NSEC_PER_SEC = 1000000000;

// When a wait ends: never (infinite), at once (zero), or when the monotonic
// clock passes deadline_ns. The sleep itself is in ticks (deadline, in
// jiffies); ticks and the TSC clock drift apart under QEMU, so a wait whose
// ticks ran out before the clock did sleeps again, as an hrtimer would.
struct Timeout {
    bool infinite { true };
    bool zero { false };
    unsigned long deadline { 0 };
    uint64_t deadline_ns { 0 };
};

// A relative time-out in seconds and nanoseconds (already validated).
Timeout timeout_from(int64_t seconds, long nanoseconds)
{
    Timeout t;
    t.infinite = false;
    if (seconds == 0 && nanoseconds == 0) {
        t.zero = true;
        return t;
    }
    // Cap far-future waits at about 100 days so jiffies math stays sane.
    constexpr int64_t max_seconds = 100ll * 24 * 3600;
    if (seconds > max_seconds)
        seconds = max_seconds;
    uint64_t ns = static_cast<uint64_t>(seconds) * NSEC_PER_SEC + static_cast<uint64_t>(nanoseconds);
    t.deadline_ns = local_clock() + ns;
    t.deadline = jiffies_deadline_in_ns(ns);
    return t;
}

// What is left of a time-out, in nanoseconds (0 once it passed).
uint64_t remaining_ns(const Timeout& t)
{
    uint64_t now = local_clock();
    return t.zero || now >= t.deadline_ns ? 0 : t.deadline_ns - now;
}

// After the ticks of `t` ran out: true if the clock says time is left, with
// `t.deadline` moved on to cover it.
bool rearm(Timeout& t)
{
    uint64_t left = remaining_ns(t);
    if (left == 0)
        return false;
    t.deadline = jiffies_deadline_in_ns(left);
    return true;
}

// The wait queues collected while polling; current sleeps on all of them.
struct PollWaits {
    poll_table table;   // first member: the callback finds us from it
    struct {
        WaitQueue* queue;
        WaitQueueEntry entry;
    } entries[max_poll_entries];
    int count;
};

void queue_current(file*, wait_queue_head_t* queue, poll_table* table)
{
    auto* waits = reinterpret_cast<PollWaits*>(table);
    for (int i = 0; i < waits->count; ++i)
        if (waits->entries[i].queue == queue)
            return;
    if (waits->count >= max_poll_entries)
        return;   // more queues than we track: the time-out or another queue wakes us
    auto& slot = waits->entries[waits->count++];
    slot.queue = queue;
    slot.entry = WaitQueueEntry { nullptr, {} };
    queue->prepare_to_wait(slot.entry, true);
}

__poll_t poll_one(pollfd_user& pfd, poll_table* table)
{
    if (pfd.fd < 0)
        return 0;
    file* f = fget(pfd.fd);
    if (!f)
        return EPOLLNVAL;
    __poll_t mask = DEFAULT_POLLMASK;
    if (f->f_op && f->f_op->poll)
        mask = f->f_op->poll(f, table);
    fput(f);
    // Errors and hang-ups are reported whether asked for or not.
    return mask & (static_cast<__poll_t>(static_cast<unsigned short>(pfd.events)) | EPOLLERR | EPOLLHUP | EPOLLNVAL);
}

long poll_all(pollfd_user* fds, unsigned count, poll_table* table)
{
    long ready = 0;
    for (unsigned i = 0; i < count; ++i) {
        fds[i].revents = static_cast<short>(poll_one(fds[i], table));
        if (fds[i].revents)
            ++ready;
    }
    return ready;
}

// Returns the number of ready entries, -EINTR when a signal came, or -errno.
long do_poll(pollfd_user* fds, unsigned count, Timeout timeout)
{
    auto* waits = static_cast<PollWaits*>(kzalloc(sizeof(PollWaits), GFP_KERNEL));
    if (!waits)
        return -ENOMEM;
    waits->table._qproc = queue_current;
    long result = 0;
    bool first = true;
    for (;;) {
        // Sleeping before looking, so a wake-up in between makes us Running and
        // the sleep below returns at once; with no queue at all (select with no
        // fds, a plain sleep) only the deadline or a signal wakes us.
        current->state = TaskState::Interruptible;
        // A timer tick that preempts us while Interruptible takes us off the run
        // queue; the deadline lets the tick wake us again.
        if (!timeout.infinite && !timeout.zero)
            current->sleep_deadline = timeout.deadline;
        for (int i = 0; i < waits->count; ++i)
            waits->entries[i].queue->prepare_to_wait(waits->entries[i].entry, true);
        long ready = poll_all(fds, count, (first && !timeout.zero) ? &waits->table : nullptr);
        first = false;
        if (ready || timeout.zero) {
            result = ready;
            break;
        }
        if (signal_pending(current)) {
            result = -EINTR;
            break;
        }
        if (timeout.infinite) {
            WaitQueue::sleep();
        } else if (!WaitQueue::sleep_until(timeout.deadline)) {
            if (signal_pending(current)) {
                result = -EINTR;
                break;
            }
            if (rearm(timeout))
                continue;
            // One last look after the time-out, as Linux does.
            result = poll_all(fds, count, nullptr);
            break;
        }
    }
    for (int i = 0; i < waits->count; ++i)
        waits->entries[i].queue->finish_wait(waits->entries[i].entry);
    current->state = TaskState::Running;
    current->sleep_deadline = 0;
    kfree(waits);
    return result;
}

long poll_user(pollfd_user __user* user_fds, unsigned count, const Timeout& timeout)
{
    if (count > max_poll_fds)
        return -EINVAL;
    auto* fds = static_cast<pollfd_user*>(kmalloc(sizeof(pollfd_user) * (count ? count : 1), GFP_KERNEL));
    if (!fds)
        return -ENOMEM;
    long result;
    if (copy_from_user(fds, user_fds, sizeof(pollfd_user) * count)) {
        result = -EFAULT;
    } else {
        result = do_poll(fds, count, timeout);
        if (result >= 0) {
            for (unsigned i = 0; i < count; ++i) {
                if (put_user_value(fds[i].revents, &user_fds[i].revents) < 0) {
                    result = -EFAULT;
                    break;
                }
            }
        }
    }
    kfree(fds);
    return result;
}

// select's fd sets as poll entries and back. Returns the count of set bits or -errno.
long do_select(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex, const Timeout& timeout)
{
    if (n < 0)
        return -EINVAL;
    if (n > NR_OPEN_DEFAULT)
        n = NR_OPEN_DEFAULT;
    constexpr int words = NR_OPEN_DEFAULT / 32;
    uint32_t sets[3][words] = {};
    uint32_t __user* user_sets[3] = { in, out, ex };
    size_t bytes = static_cast<size_t>((n + 31) / 32) * 4;
    for (int s = 0; s < 3; ++s)
        if (user_sets[s] && copy_from_user(sets[s], user_sets[s], bytes))
            return -EFAULT;
    auto* fds = static_cast<pollfd_user*>(kmalloc(sizeof(pollfd_user) * NR_OPEN_DEFAULT, GFP_KERNEL));
    if (!fds)
        return -ENOMEM;
    unsigned count = 0;
    for (int fd = 0; fd < n; ++fd) {
        uint32_t bit = 1u << (fd % 32);
        short events = 0;
        if (sets[0][fd / 32] & bit)
            events |= EPOLLIN | EPOLLRDNORM | EPOLLHUP | EPOLLERR;
        if (sets[1][fd / 32] & bit)
            events |= EPOLLOUT | EPOLLWRNORM | EPOLLERR;
        if (sets[2][fd / 32] & bit)
            events |= EPOLLPRI;
        if (events)
            fds[count++] = pollfd_user { fd, events, 0 };
    }
    long result = do_poll(fds, count, timeout);
    if (result >= 0) {
        libk::memset(sets, 0, sizeof(sets));
        result = 0;
        for (unsigned i = 0; i < count; ++i) {
            int fd = fds[i].fd;
            uint32_t bit = 1u << (fd % 32);
            short revents = fds[i].revents;
            if (revents & EPOLLNVAL) {
                result = -EBADF;
                break;
            }
            if ((fds[i].events & EPOLLIN) && (revents & (EPOLLIN | EPOLLRDNORM | EPOLLHUP | EPOLLERR))) {
                sets[0][fd / 32] |= bit;
                ++result;
            }
            if ((fds[i].events & EPOLLOUT) && (revents & (EPOLLOUT | EPOLLWRNORM | EPOLLERR))) {
                sets[1][fd / 32] |= bit;
                ++result;
            }
            if ((fds[i].events & EPOLLPRI) && (revents & EPOLLPRI)) {
                sets[2][fd / 32] |= bit;
                ++result;
            }
        }
        if (result >= 0) {
            for (int s = 0; s < 3; ++s)
                if (user_sets[s] && copy_to_user(user_sets[s], sets[s], bytes))
                    result = -EFAULT;
        }
    }
    kfree(fds);
    return result;
}

// Reads a relative timespec (either layout) into a Timeout; nullptr waits forever.
template<typename UserTimespec>
long read_timespec(const UserTimespec __user* user, Timeout& timeout)
{
    if (!user)
        return 0;
    timespec64 ts;
    if (get_user_timespec(&ts, user))
        return -EFAULT;
    if (!timespec64_valid(ts))
        return -EINVAL;
    timeout = timeout_from(ts.tv_sec, ts.tv_nsec);
    return 0;
}

// Linux writes the time left back (select, pselect6, ppoll); a read-only or
// bad pointer is ignored then, as the call already happened.
template<typename UserTimespec>
void write_timespec(UserTimespec __user* user, const Timeout& timeout)
{
    if (!user)
        return;
    uint64_t left = remaining_ns(timeout);
    timespec64 ts { static_cast<time64_t>(left / NSEC_PER_SEC), static_cast<long>(left % NSEC_PER_SEC) };
    (void)put_user_timespec(&ts, user);
}

// pselect6 and ppoll: `wait` with `mask` (if given) in force, then the time
// left written back, and the old mask restored unless a handler runs first
// (Linux's poll_select_finish).
template<typename UserTimespec, typename Wait>
long wait_with_sigmask(UserTimespec __user* tsp, const uint64_t __user* mask, size_t size, Wait wait)
{
    Timeout timeout;
    if (long error = read_timespec(tsp, timeout); error < 0)
        return error;
    if (mask)
        if (int error = set_user_sigmask(mask, size))
            return error;
    long result = wait(timeout);
    if (!timeout.infinite)
        write_timespec(tsp, timeout);
    if (result == -EINTR)
        result = -ERESTARTNOHAND;
    restore_saved_sigmask_unless(result == -ERESTARTNOHAND);
    return result;
}

// The 6th argument of pselect6: the mask pointer and its size, packed.
struct sigset_argpack {
    const uint64_t __user* p;
    size_t size;
};

template<typename UserTimespec>
long do_pselect6(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex, UserTimespec __user* tsp,
    const sigset_argpack __user* sig)
{
    sigset_argpack pack { nullptr, 0 };
    if (sig && copy_from_user(&pack, sig, sizeof(pack)))
        return -EFAULT;
    return wait_with_sigmask(tsp, pack.p, pack.size,
        [&](const Timeout& timeout) { return do_select(n, in, out, ex, timeout); });
}

template<typename UserTimespec>
long do_ppoll(pollfd_user __user* fds, unsigned int count, UserTimespec __user* tsp, const uint64_t __user* mask,
    size_t size)
{
    return wait_with_sigmask(tsp, mask, size, [&](const Timeout& timeout) { return poll_user(fds, count, timeout); });
}

} // namespace

extern "C" long sys_poll(pollfd_user __user* user_fds, unsigned int count, int timeout_ms)
{
    Timeout timeout;
    if (timeout_ms >= 0)
        timeout = timeout_from(timeout_ms / 1000, static_cast<long>(timeout_ms % 1000) * 1000000);
    return poll_user(user_fds, count, timeout);
}

extern "C" long sys_select(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex,
    timeval_user __user* tvp)
{
    Timeout timeout;
    if (tvp) {
        timeval_user tv;
        if (copy_from_user(&tv, tvp, sizeof(tv)))
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0)
            return -EINVAL;
        // Linux normalises tv_usec >= 1 s into seconds.
        timeout = timeout_from(tv.tv_sec + tv.tv_usec / 1000000, (tv.tv_usec % 1000000) * 1000);
    }
    long result = do_select(n, in, out, ex, timeout);
    if (tvp && !timeout.infinite) {
        uint64_t left = remaining_ns(timeout);
        timeval_user tv { static_cast<long>(left / NSEC_PER_SEC), static_cast<long>(left % NSEC_PER_SEC / 1000) };
        (void)copy_to_user(tvp, &tv, sizeof(tv));
    }
    return result == -EINTR ? -ERESTARTNOHAND : result;
}

extern "C" long sys_pselect6(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex,
    old_timespec32 __user* tsp, const sigset_argpack __user* sig)
{
    return do_pselect6(n, in, out, ex, tsp, sig);
}

extern "C" long sys_pselect6_time64(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex,
    __kernel_timespec __user* tsp, const sigset_argpack __user* sig)
{
    return do_pselect6(n, in, out, ex, tsp, sig);
}

extern "C" long sys_ppoll(pollfd_user __user* fds, unsigned int count, old_timespec32 __user* tsp,
    const uint64_t __user* mask, size_t size)
{
    return do_ppoll(fds, count, tsp, mask, size);
}

extern "C" long sys_ppoll_time64(pollfd_user __user* fds, unsigned int count, __kernel_timespec __user* tsp,
    const uint64_t __user* mask, size_t size)
{
    return do_ppoll(fds, count, tsp, mask, size);
}
