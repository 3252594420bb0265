// Leaving: exit and exit_group, the zombie left for the parent, orphans
// handed to init, and wait4/waitpid collecting the status.
#include <arch/x86.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <kernel/futex.h>
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

// A process's children go to init when its last thread is gone; so do the
// parent pointers of their threads.
void reparent_children(Task* task)
{
    Task* reaper = child_reaper();
    while (Task* child = task->children.front()) {
        task->children.remove(*child);
        child->parent = reaper;
        child->exit_signal = SIGCHLD;   // as Linux's reparent_leader: whatever clone asked for must not slay init
        if (child->signal) {
            for (Task& thread : child->signal->threads)
                thread.parent = reaper;
        }
        if (reaper && reaper != task) {
            reaper->children.push_back(*child);
            if (child->state == TaskState::Zombie)
                reaper->wait_chldexit.wake_up_all();
        }
    }
}

void release_resources(Task* task)
{
    mm_release(task);   // robust futexes, CLONE_CHILD_CLEARTID, the vfork parent
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

// The whole process is gone: its leader's zombie is now news for the parent
// (Linux's do_notify_parent), or is freed at once if the parent wants none.
// Returns true when the leader is the current task and must become Dead.
bool notify_parent(Task* leader)
{
    Task* parent = leader->parent;
    if (parent_wants_zombie(parent)) {
        if (parent) {
            if (leader->exit_signal)
                send_group_signal(parent, leader->exit_signal, SI_KERNEL, leader->pid, leader->cred.uid);
            parent->wait_chldexit.wake_up_all();
        }
        return false;
    }
    if (leader == current) {
        if (parent)
            parent->children.remove(*leader);
        return true;
    }
    release_task(leader);
    return false;
}

} // namespace

void do_exit(int code)
{
    Task* task = current;
    if (is_idle_task(task))
        panic("Attempted to kill the idle task!");
    if (task->pid == 1)
        panic("Attempted to kill init! exitcode=0x%08x", code);

    ThreadGroup* group = task->signal;
    // The last thread out takes the process's terminal with it, if it leads the session.
    bool last_thread = !group || group->live == 1;
    if (last_thread && task->tgid == task->sid && task_tty(task) >= 0)
        disassociate_ctty(true);
    release_resources(task);
    arch::local_irq_disable();
    bool group_dead = true;
    if (group) {
        group_dead = --group->live == 0;
        group->threads.remove(*task);
        if (group->exec_task)
            wake_up_process(group->exec_task);   // de_thread waits for us
    }
    task->exit_code = code;
    task->alarm_deadline = 0;
    Task* leader = task->group_leader;
    if (group_dead)
        reparent_children(leader);
    if (!task->user_process) {
        task->state = TaskState::Dead;   // kernel threads are freed at the next switch
    } else if (leader != task) {
        // A thread: nobody waits for it. If it was the last, the leader's
        // zombie (kept while threads lived) goes to the parent now.
        task->state = TaskState::Dead;
        if (group_dead)
            notify_parent(leader);
    } else {
        task->state = TaskState::Zombie;   // reported once the group is empty
        if (group_dead && notify_parent(task))
            task->state = TaskState::Dead;
    }
    schedule();
    panic("do_exit: task %d ran again after exiting", task->pid);
}

void do_group_exit(int code)
{
    arch::local_irq_disable();
    if (ThreadGroup* group = current->signal) {
        if (group->group_exit) {
            code = group->group_exit_code;   // another thread chose the status
        } else {
            group->group_exit = true;
            group->group_exit_code = code;
            zap_other_threads(current);
        }
    }
    arch::local_irq_enable();
    do_exit(code);
}

extern "C" long sys_exit(int code)
{
    do_exit((code & 0xFF) << 8);
}

// exit ends the calling thread; exit_group (what exit(3) calls) the process.
extern "C" long sys_exit_group(int code)
{
    do_group_exit((code & 0xFF) << 8);
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

Task* waiting_task()
{
    return current->group_leader;
}

WaitResult find_waitable(pid_t pid, int options)
{
    WaitResult result { false, nullptr };
    // Any thread may wait for the process's children: they hang on the leader.
    for (Task& child : waiting_task()->children) {
        if (!wait_matches(&child, pid, current))
            continue;
        // A "clone" child (exit signal other than SIGCHLD) is seen only with
        // __WCLONE, the others only without; __WALL sees both (Linux's eligible_child).
        bool clone_child = child.exit_signal != SIGCHLD;
        if (!(options & __WALL) && clone_child != ((options & __WCLONE) != 0))
            continue;
        result.found_child = true;
        // A leader's zombie waits for its other threads (Linux's delay_group_leader).
        if ((child.state == TaskState::Zombie && (!child.signal || child.signal->live == 0))
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
    int error = waiting_task()->wait_chldexit.wait_until_interruptible([&] {
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
    } else if (child->signal && child->signal->group_exit) {
        status = child->signal->group_exit_code;   // exit_group or a fatal signal
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
