// Scheduler queries: CPU affinity (one CPU), policy and priority ranges.
// kernlab schedules every task round-robin, which is SCHED_OTHER to user space.
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>
#include <linux/sched.h>

namespace {

// The size of the kernel's cpumask in bytes (Linux: BITS_TO_LONGS(NR_CPUS) * sizeof(long), NR_CPUS 32 here).
constexpr unsigned cpumask_bytes = 4;
constexpr unsigned long online_cpus = 1;   // CPU 0

struct sched_param_abi {
    int sched_priority;
};

// The task `pid` names (0: the caller), or nullptr.
Task* task_of(pid_t pid)
{
    return pid == 0 ? current : find_task_by_pid(pid);
}

// The static priorities a policy allows: 1 to 99 for the real-time ones
// (MAX_RT_PRIO - 1), only 0 for the others; -EINVAL for an unknown policy.
long priority_limit(int policy, bool maximum)
{
    switch (policy) {
    case SCHED_FIFO:
    case SCHED_RR:
        return maximum ? 99 : 1;
    case SCHED_NORMAL:
    case SCHED_BATCH:
    case SCHED_IDLE:
    case SCHED_DEADLINE:
        return 0;
    default:
        return -EINVAL;
    }
}

} // namespace

// Returns the bytes written, as the raw system call does (glibc clears the rest).
extern "C" long sys_sched_getaffinity(pid_t pid, unsigned len, unsigned long __user* mask)
{
    if (len * 8 < 1 || (len & (sizeof(long) - 1)))
        return -EINVAL;
    if (pid < 0 || !task_of(pid))
        return -ESRCH;
    unsigned long value = online_cpus;
    return copy_to_user(mask, &value, cpumask_bytes) ? -EFAULT : static_cast<long>(cpumask_bytes);
}

extern "C" long sys_sched_setaffinity(pid_t pid, unsigned len, const unsigned long __user* mask)
{
    unsigned long value = 0;
    if (copy_from_user(&value, mask, len < cpumask_bytes ? len : cpumask_bytes))
        return -EFAULT;
    Task* task = pid < 0 ? nullptr : task_of(pid);
    if (!task)
        return -ESRCH;
    if (current->cred.euid != 0 && current->cred.euid != task->cred.uid && current->cred.euid != task->cred.euid)
        return -EPERM;
    // The new mask must hold a CPU that exists; it then changes nothing with one CPU.
    return (value & online_cpus) ? 0 : -EINVAL;
}

extern "C" long sys_sched_getscheduler(pid_t pid)
{
    if (pid < 0)
        return -EINVAL;
    return task_of(pid) ? SCHED_NORMAL : -ESRCH;
}

extern "C" long sys_sched_getparam(pid_t pid, sched_param_abi __user* param)
{
    if (pid < 0 || !param)
        return -EINVAL;
    if (!task_of(pid))
        return -ESRCH;
    sched_param_abi value { 0 };   // SCHED_OTHER's static priority
    return copy_to_user(param, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_sched_get_priority_max(int policy)
{
    return priority_limit(policy, true);
}

extern "C" long sys_sched_get_priority_min(int policy)
{
    return priority_limit(policy, false);
}

// Restartable sequences need the scheduler to fix up user code on preemption;
// kernlab has none, and says so the way a kernel without CONFIG_RSEQ does.
extern "C" long sys_rseq(void __user*, unsigned, int, unsigned)
{
    return -ENOSYS;
}
