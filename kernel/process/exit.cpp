// Leaving: exit and exit_group, the zombie left for the parent, orphans
// handed to init, and wait4/waitpid collecting the status.
#include <arch/x86.h>
#include <asm/signal.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/tty.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <linux/errno.h>
#include <linux/resource.h>
#include <linux/wait.h>
#include <libk/string.h>

namespace {

Task* child_reaper()
{
    return find_task_by_pid(1);
}

// A parent that ignores SIGCHLD (or asked for SA_NOCLDWAIT) gets no zombies.
bool parent_wants_zombie(const Task* parent)
{
    if (!parent || !parent->sighand)
        return true;
    const SignalAction& action = parent->sighand[SIGCHLD - 1];
    return action.handler != reinterpret_cast<uintptr_t>(SIG_IGN) && !(action.flags & SA_NOCLDWAIT);
}

void reparent_children(Task* task)
{
    Task* reaper = child_reaper();
    while (Task* child = task->children.front()) {
        task->children.remove(*child);
        child->parent = reaper;
        if (reaper && reaper != task) {
            reaper->children.push_back(*child);
            if (child->state == TaskState::Zombie)
                reaper->wait_chldexit.wake_up_all();
        }
    }
}

void release_resources(Task* task)
{
    if (task->clear_child_tid) {
        int zero = 0;
        put_user_value(zero, reinterpret_cast<int __user*>(task->clear_child_tid));
    }
    if (task->mm) {
        mm_struct* mm = task->mm;
        task->mm = nullptr;
        switch_mm(nullptr);
        mmput(mm);
    }
    if (task->files) {
        files_put(task->files);
        task->files = nullptr;
    }
    if (task->fs) {
        fs_put(task->fs);
        task->fs = nullptr;
    }
}

} // namespace

void do_exit(int code)
{
    Task* task = current;
    if (is_idle_task(task))
        panic("Attempted to kill the idle task!");
    if (task->pid == 1)
        panic("Attempted to kill init! exitcode=0x%08x", code);

    if (task->pid == task->sid && task->tty >= 0)
        disassociate_ctty(true);   // a session leader takes its terminal with it
    release_resources(task);
    arch::local_irq_disable();
    reparent_children(task);
    task->exit_code = code;
    task->alarm_deadline = 0;
    if (!task->user_process) {
        task->state = TaskState::Dead;   // kernel threads are freed at the next switch
    } else if (parent_wants_zombie(task->parent)) {
        task->state = TaskState::Zombie;
        if (task->parent) {
            if (task->exit_signal)
                send_signal(task->parent, task->exit_signal);
            task->parent->wait_chldexit.wake_up_all();
        }
    } else {
        if (task->parent)
            task->parent->children.remove(*task);
        task->state = TaskState::Dead;
    }
    schedule();
    panic("do_exit: task %d ran again after exiting", task->pid);
}

extern "C" long sys_exit(int code)
{
    do_exit((code & 0xFF) << 8);
}

extern "C" long sys_exit_group(int code)
{
    do_exit((code & 0xFF) << 8);   // one thread per process: the same as exit
}

namespace {

bool wait_matches(const Task* child, pid_t pid, const Task* parent)
{
    if (pid > 0)
        return child->pid == pid;
    if (pid == -1)
        return true;
    if (pid == 0)
        return child->pgid == parent->pgid;
    return child->pgid == -pid;
}

struct WaitResult {
    bool found_child;   // some child matches at all
    Task* ready;        // a matching child with news
};

WaitResult find_waitable(pid_t pid, int options)
{
    WaitResult result { false, nullptr };
    for (Task& child : current->children) {
        if (!wait_matches(&child, pid, current))
            continue;
        result.found_child = true;
        if (child.state == TaskState::Zombie
            || ((options & WUNTRACED) && child.state == TaskState::Stopped && !child.stop_reported)) {
            result.ready = &child;
            return result;
        }
    }
    return result;
}

} // namespace

extern "C" long sys_wait4(pid_t pid, int __user* status_pointer, int options, rusage __user* usage)
{
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE | __WNOTHREAD))
        return -EINVAL;
    WaitResult result {};
    int error = current->wait_chldexit.wait_until_interruptible([&] {
        arch::local_irq_disable();
        result = find_waitable(pid, options);
        arch::local_irq_enable();
        return result.ready || !result.found_child || (options & WNOHANG);
    });
    if (error)
        return -ERESTARTSYS;
    if (!result.found_child)
        return -ECHILD;
    if (!result.ready)
        return 0;   // WNOHANG and nothing to report

    Task* child = result.ready;
    pid_t child_pid = child->pid;
    int status;
    if (child->state == TaskState::Stopped) {
        status = (child->stop_signal << 8) | 0x7F;
        child->stop_reported = true;
    } else {
        status = child->exit_code;
    }
    if (usage) {
        rusage info {};
        info.ru_utime.tv_sec = static_cast<long>(child->utime_ticks / HZ);
        info.ru_utime.tv_usec = static_cast<long>(child->utime_ticks % HZ * (1000000 / HZ));
        info.ru_stime.tv_sec = static_cast<long>(child->stime_ticks / HZ);
        info.ru_stime.tv_usec = static_cast<long>(child->stime_ticks % HZ * (1000000 / HZ));
        if (copy_to_user(usage, &info, sizeof(info)))
            return -EFAULT;
    }
    if (status_pointer && put_user_value(status, status_pointer))
        return -EFAULT;
    if (child->state == TaskState::Zombie) {
        current->cutime_ticks += child->utime_ticks + child->cutime_ticks;
        current->cstime_ticks += child->stime_ticks + child->cstime_ticks;
        release_task(child);
    }
    return child_pid;
}

extern "C" long sys_waitpid(pid_t pid, int __user* status, int options)
{
    return sys_wait4(pid, status, options, nullptr);
}
