// /proc/<pid>/limits, oom_score, oom_score_adj and make-it-fail, in Linux's
// formats (fs/proc/base.c: proc_pid_limits, proc_oom_score, oom_score_adj_write,
// proc_fault_inject_write).
#include "internal.h"
#include <kernel/oom.h>
#include <kernel/resource.h>
#include <kernel/uaccess.h>
#include <linux/capability.h>
#include <linux/kernel.h>

namespace {

struct LimitName {
    const char* name;
    const char* unit;
};

constexpr LimitName limit_names[RLIM_NLIMITS] = {
    { "Max cpu time", "seconds" },
    { "Max file size", "bytes" },
    { "Max data size", "bytes" },
    { "Max stack size", "bytes" },
    { "Max core file size", "bytes" },
    { "Max resident set", "bytes" },
    { "Max processes", "processes" },
    { "Max open files", "files" },
    { "Max locked memory", "bytes" },
    { "Max address space", "bytes" },
    { "Max file locks", "locks" },
    { "Max pending signals", "signals" },
    { "Max msgqueue size", "bytes" },
    { "Max nice priority", nullptr },
    { "Max realtime priority", nullptr },
    { "Max realtime timeout", "us" },
};

void show_limit_value(ProcBuffer& out, unsigned long value)
{
    if (value == RLIM_INFINITY)
        out.printf("%-20s ", "unlimited");
    else
        out.printf("%-20lu ", value);
}

Task* task_of(file* f)
{
    return find_task_by_pid(proc_ino_pid(file_inode(f)->i_ino));
}

ssize_t oom_score_adj_read(file* f, char __user* buffer, size_t count, loff_t* position)
{
    Task* task = task_of(f);
    if (!task)
        return -ESRCH;
    char text[16];
    int length = snprintf(text, sizeof(text), "%d\n", task->signal ? task->signal->oom_score_adj : 0);
    return simple_read_from_buffer(buffer, count, position, text, static_cast<size_t>(length));
}

// Linux's __set_oom_adj: -1000..1000; going below the lowest value set by a
// privileged writer needs CAP_SYS_RESOURCE.
ssize_t oom_score_adj_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    char text[16] = {};
    size_t length = count < sizeof(text) - 1 ? count : sizeof(text) - 1;
    if (copy_from_user(text, buffer, length))
        return -EFAULT;
    int value;
    if (kstrtoint(text, 0, &value) || value < OOM_SCORE_ADJ_MIN || value > OOM_SCORE_ADJ_MAX)
        return -EINVAL;
    Task* task = task_of(f);
    if (!task || !task->signal)
        return -ESRCH;
    ThreadGroup* group = task->signal;
    if (value < group->oom_score_adj_min && !capable(CAP_SYS_RESOURCE))
        return -EACCES;
    group->oom_score_adj = static_cast<short>(value);
    if (capable(CAP_SYS_RESOURCE))
        group->oom_score_adj_min = static_cast<short>(value);
    return static_cast<ssize_t>(count);
}

ssize_t make_it_fail_read(file* f, char __user* buffer, size_t count, loff_t* position)
{
    Task* task = task_of(f);
    if (!task)
        return -ESRCH;
    char text[4] = { task->make_it_fail ? '1' : '0', '\n' };
    return simple_read_from_buffer(buffer, count, position, text, 2);
}

ssize_t make_it_fail_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    if (!capable(CAP_SYS_RESOURCE))
        return -EPERM;
    char text[16] = {};
    size_t length = count < sizeof(text) - 1 ? count : sizeof(text) - 1;
    if (copy_from_user(text, buffer, length))
        return -EFAULT;
    int value;
    if (kstrtoint(text, 0, &value) || value < 0 || value > 1)
        return -EINVAL;
    Task* task = task_of(f);
    if (!task)
        return -ESRCH;
    task->make_it_fail = value;
    return static_cast<ssize_t>(count);
}

} // namespace

const file_operations proc_make_it_fail_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .read = make_it_fail_read,
    .write = make_it_fail_write,
};

void proc_pid_limits(ProcBuffer& out, Task* task, void*)
{
    out.printf("%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
    for (unsigned i = 0; i < RLIM_NLIMITS; ++i) {
        unsigned long soft = task_rlimit(task, i);
        unsigned long hard = task->signal ? task->signal->rlim[i].rlim_max : soft;
        out.printf("%-25s ", limit_names[i].name);
        show_limit_value(out, soft);
        show_limit_value(out, hard);
        if (limit_names[i].unit)
            out.printf("%-10s\n", limit_names[i].unit);
        else
            out.putc('\n');
    }
}

void proc_pid_oom_score(ProcBuffer& out, Task* task, void*)
{
    out.printf("%lu\n", oom_score(task));
}

const file_operations proc_oom_score_adj_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .read = oom_score_adj_read,
    .write = oom_score_adj_write,
};
