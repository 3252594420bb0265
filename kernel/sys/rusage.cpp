// getrusage(2): CPU times of the caller or of its reaped children. kernlab
// counts no faults, context switches or block I/O per task, so those stay 0.
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>
#include <linux/resource.h>

namespace {

struct timeval to_timeval(uint64_t ticks)
{
    uint64_t us = ticks * (1000000ull / HZ);
    return { static_cast<long>(us / 1000000), static_cast<long>(us % 1000000) };
}

} // namespace

extern "C" long sys_getrusage(int who, struct rusage __user* usage)
{
    struct rusage value {};
    switch (who) {
    case RUSAGE_SELF:
    case RUSAGE_THREAD:
        value.ru_utime = to_timeval(current->utime_ticks);
        value.ru_stime = to_timeval(current->stime_ticks);
        break;
    case RUSAGE_CHILDREN:
        value.ru_utime = to_timeval(current->cutime_ticks);
        value.ru_stime = to_timeval(current->cstime_ticks);
        break;
    default:
        return -EINVAL;
    }
    return copy_to_user(usage, &value, sizeof(value)) ? -EFAULT : 0;
}
