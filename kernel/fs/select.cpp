// poll() and select(): ask each file's f_op->poll, sleep on every wait queue
// the files named (poll_wait) until one is ready, a signal or the time-out.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <libk/string.h>

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

// timeout_ms < 0: forever. Returns the number of ready entries or -errno.
long do_poll(pollfd_user* fds, unsigned count, long timeout_ms)
{
    auto* waits = static_cast<PollWaits*>(kzalloc(sizeof(PollWaits), GFP_KERNEL));
    if (!waits)
        return -ENOMEM;
    waits->table._qproc = queue_current;
    unsigned long deadline = timeout_ms > 0 ? jiffies + msecs_to_jiffies(static_cast<unsigned long>(timeout_ms)) : 0;
    long result = 0;
    bool first = true;
    for (;;) {
        // Queue ourselves before looking, so a wake-up in between is not lost.
        for (int i = 0; i < waits->count; ++i)
            waits->entries[i].queue->prepare_to_wait(waits->entries[i].entry, true);
        poll_table* table = (first && timeout_ms != 0) ? &waits->table : nullptr;
        long ready = 0;
        for (unsigned i = 0; i < count; ++i) {
            fds[i].revents = static_cast<short>(poll_one(fds[i], table));
            if (fds[i].revents)
                ++ready;
        }
        first = false;
        if (ready || timeout_ms == 0) {
            result = ready;
            break;
        }
        if (signal_pending(current)) {
            result = -EINTR;
            break;
        }
        if (timeout_ms < 0) {
            WaitQueue::sleep();
        } else if (!WaitQueue::sleep_until(deadline)) {
            result = 0;
            for (int i = 0; i < waits->count; ++i)
                waits->entries[i].queue->prepare_to_wait(waits->entries[i].entry, true);
            // One last look after the time-out, as Linux does.
            for (unsigned i = 0; i < count; ++i) {
                fds[i].revents = static_cast<short>(poll_one(fds[i], nullptr));
                if (fds[i].revents)
                    ++result;
            }
            break;
        }
    }
    for (int i = 0; i < waits->count; ++i)
        waits->entries[i].queue->finish_wait(waits->entries[i].entry);
    current->state = TaskState::Running;
    kfree(waits);
    return result;
}

} // namespace

extern "C" long sys_poll(pollfd_user __user* user_fds, unsigned int count, int timeout_ms)
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
        result = do_poll(fds, count, timeout_ms);
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

extern "C" long sys_select(int n, uint32_t __user* in, uint32_t __user* out, uint32_t __user* ex,
    timeval_user __user* timeout)
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
    long timeout_ms = -1;
    if (timeout) {
        timeval_user tv;
        if (copy_from_user(&tv, timeout, sizeof(tv)))
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0)
            return -EINVAL;
        timeout_ms = tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000;
    }
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
    long result = do_poll(fds, count, timeout_ms);
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
