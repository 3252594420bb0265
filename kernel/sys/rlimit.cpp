// Resource limits: getrlimit, setrlimit, prlimit64 with Linux's rules (the
// soft limit never above the hard one, raising the hard one needs
// CAP_SYS_RESOURCE), and fork's task limits (max_threads, RLIMIT_NPROC).
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <linux/capability.h>
#include <linux/errno.h>

namespace {

constexpr unsigned long infinity = RLIM_INFINITY;

// Linux's set_max_threads: task structures (the kernel stack here) may use
// at most an eighth of RAM; at least 20.
unsigned long compute_max_threads()
{
    unsigned long long bytes = static_cast<unsigned long long>(page_alloc_total_pages()) * 4096;
    unsigned long threads = static_cast<unsigned long>(bytes / (kernel_stack_size * 8ull));
    return threads < 20 ? 20 : threads;
}

const struct rlimit* limits_of(const Task* task)
{
    return task && task->signal ? task->signal->rlim : nullptr;
}

struct UserCount {
    uid_t uid;
    unsigned long count;
};

void count_user_task(Task* task, void* context)
{
    auto* users = static_cast<UserCount*>(context);
    if (task->state != TaskState::Dead && task->user_process && task->cred.uid == users->uid)
        ++users->count;
}

// Who may change another process's limits (Linux's check_prlimit_permission).
bool may_change_limits_of(const Task* task)
{
    if (task == current || task->tgid == current->tgid || capable(CAP_SYS_RESOURCE))
        return true;
    const Credentials& mine = current->cred;
    const Credentials& theirs = task->cred;
    return mine.uid == theirs.uid && mine.uid == theirs.euid && mine.uid == theirs.suid && mine.gid == theirs.gid
        && mine.gid == theirs.egid && mine.gid == theirs.sgid;
}

// Linux's do_prlimit: reads the old limit into `old_limit` and, if
// `new_limit`, checks and sets it.
int do_prlimit(Task* task, unsigned resource, const struct rlimit* new_limit, struct rlimit* old_limit)
{
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (!task->signal)
        return -ESRCH;
    struct rlimit* limit = &task->signal->rlim[resource];
    if (new_limit) {
        if (new_limit->rlim_cur > new_limit->rlim_max)
            return -EINVAL;
        if (resource == RLIMIT_NOFILE && new_limit->rlim_max > nr_open)
            return -EPERM;
        if (new_limit->rlim_max > limit->rlim_max && !capable(CAP_SYS_RESOURCE))
            return -EPERM;
    }
    if (old_limit)
        *old_limit = *limit;
    if (new_limit)
        *limit = *new_limit;
    return 0;
}

unsigned long from_rlim64(uint64_t value)
{
    return value >= infinity ? infinity : static_cast<unsigned long>(value);
}

uint64_t to_rlim64(unsigned long value)
{
    return value == infinity ? RLIM64_INFINITY : value;
}

} // namespace

void rlimits_init(struct rlimit* limits)
{
    for (unsigned i = 0; i < RLIM_NLIMITS; ++i)
        limits[i] = { infinity, infinity };
    unsigned long tasks = max_threads() / 2;
    limits[RLIMIT_STACK] = { _STK_LIM, infinity };
    limits[RLIMIT_CORE] = { 0, infinity };
    limits[RLIMIT_NPROC] = { tasks, tasks };
    limits[RLIMIT_NOFILE] = { nr_open, nr_open };
    limits[RLIMIT_MEMLOCK] = { 8 * 1024 * 1024, 8 * 1024 * 1024 };
    limits[RLIMIT_SIGPENDING] = { tasks, tasks };
    limits[RLIMIT_MSGQUEUE] = { 819200, 819200 };
    limits[RLIMIT_NICE] = { 0, 0 };
    limits[RLIMIT_RTPRIO] = { 0, 0 };
}

unsigned long task_rlimit(const Task* task, unsigned resource)
{
    if (const struct rlimit* limits = limits_of(task))
        return limits[resource].rlim_cur;
    struct rlimit defaults[RLIM_NLIMITS];
    rlimits_init(defaults);
    return defaults[resource].rlim_cur;
}

unsigned long rlimit(unsigned resource)
{
    return task_rlimit(current, resource);
}

unsigned long max_threads()
{
    static unsigned long computed = 0;   // RAM does not change after boot
    if (!computed)
        computed = compute_max_threads();
    return computed;
}

int check_task_limits(uid_t uid)
{
    if (task_count() - 1 >= max_threads())   // the idle task is not counted, as on Linux
        return -EAGAIN;
    if (uid == 0 || capable(CAP_SYS_RESOURCE) || capable(CAP_SYS_ADMIN))
        return 0;
    unsigned long limit = rlimit(RLIMIT_NPROC);
    if (limit == infinity)
        return 0;
    UserCount users { uid, 0 };
    for_each_task(count_user_task, &users);
    return users.count >= limit ? -EAGAIN : 0;
}

// ugetrlimit (191): the limits as they are.
extern "C" long sys_getrlimit(unsigned resource, struct rlimit __user* user_limit)
{
    struct rlimit value;
    int error = do_prlimit(current, resource, nullptr, &value);
    if (error == -ESRCH) {   // a kernel thread: the defaults
        if (resource >= RLIM_NLIMITS)
            return -EINVAL;
        struct rlimit defaults[RLIM_NLIMITS];
        rlimits_init(defaults);
        value = defaults[resource];
    } else if (error) {
        return error;
    }
    return copy_to_user(user_limit, &value, sizeof(value)) ? -EFAULT : 0;
}

// getrlimit (76), the old call: i386 programs built before ugetrlimit read
// RLIM_INFINITY as signed, so it reports infinity as 0x7fffffff (Linux's sys_old_getrlimit).
extern "C" long sys_old_getrlimit(unsigned resource, struct rlimit __user* user_limit)
{
    struct rlimit value;
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    value.rlim_cur = task_rlimit(current, resource);
    value.rlim_max = current->signal ? current->signal->rlim[resource].rlim_max : value.rlim_cur;
    if (value.rlim_cur > 0x7fffffff)
        value.rlim_cur = 0x7fffffff;
    if (value.rlim_max > 0x7fffffff)
        value.rlim_max = 0x7fffffff;
    return copy_to_user(user_limit, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_setrlimit(unsigned resource, const struct rlimit __user* user_limit)
{
    struct rlimit value;
    if (copy_from_user(&value, user_limit, sizeof(value)))
        return -EFAULT;
    return do_prlimit(current, resource, &value, nullptr);
}

extern "C" long sys_prlimit64(pid_t pid, unsigned resource, const rlimit64 __user* new_limit, rlimit64 __user* old_limit)
{
    rlimit64 wide;
    struct rlimit value, old;
    if (new_limit) {
        if (copy_from_user(&wide, new_limit, sizeof(wide)))
            return -EFAULT;
        value = { from_rlim64(wide.rlim_cur), from_rlim64(wide.rlim_max) };
    }
    Task* task = pid ? find_task_by_pid(pid) : current;
    if (!task || !task->signal)
        return -ESRCH;
    if (!may_change_limits_of(task))
        return -EPERM;
    int error = do_prlimit(task, resource, new_limit ? &value : nullptr, old_limit ? &old : nullptr);
    if (error)
        return error;
    if (old_limit) {
        wide = { to_rlim64(old.rlim_cur), to_rlim64(old.rlim_max) };
        if (copy_to_user(old_limit, &wide, sizeof(wide)))
            return -EFAULT;
    }
    return 0;
}
