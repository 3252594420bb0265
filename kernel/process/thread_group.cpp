// Thread groups: what CLONE_THREAD's threads share (ThreadGroup, Linux's
// signal_struct), the refcounted handlers CLONE_SIGHAND shares, and de_thread,
// by which execve in any thread leaves the exec'ing thread alone with the group's pid.
#include <arch/x86.h>
#include <asm/signal.h>
#include <kernel/mm.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <new>
#include <stddef.h>

namespace {

// The reference count sits in front of the 64 actions, so that Task::sighand
// stays a plain array for everything that only reads it.
struct SighandBlock {
    int count;
    SignalAction action[nsig];
};

SighandBlock* block_of(SignalAction* actions)
{
    return reinterpret_cast<SighandBlock*>(reinterpret_cast<char*>(actions) - offsetof(SighandBlock, action));
}

} // namespace

SignalAction* sighand_alloc()
{
    auto* block = static_cast<SighandBlock*>(kzalloc(sizeof(SighandBlock), GFP_KERNEL));
    if (!block)
        return nullptr;
    block->count = 1;
    return block->action;
}

void sighand_get(SignalAction* actions)
{
    ++block_of(actions)->count;
}

void sighand_put(SignalAction* actions)
{
    if (actions && --block_of(actions)->count == 0)
        kfree(block_of(actions));
}

ThreadGroup* thread_group_alloc(Task* leader)
{
    void* memory = kzalloc(sizeof(ThreadGroup), GFP_KERNEL);
    if (!memory)
        return nullptr;
    auto* group = new (memory) ThreadGroup {};
    group->count = 1;
    group->live = 1;
    rlimits_init(group->rlim);   // fork overwrites them with the parent's
    group->threads.push_back(*leader);
    return group;
}

void thread_group_put(ThreadGroup* group)
{
    if (group && --group->count == 0) {
        group->~ThreadGroup();
        kfree(group);
    }
}

void zap_other_threads(Task* task)
{
    if (!task->signal)
        return;
    uint32_t flags = arch::local_irq_save();
    for (Task& thread : task->signal->threads) {
        if (&thread == task)
            continue;
        thread.pending_signals |= 1ull << (SIGKILL - 1);
        wake_up_stopped(&thread);
        wake_up_interruptible(&thread);
    }
    arch::local_irq_restore(flags);
}

namespace {

// The exec'ing thread takes the old leader's place: its pid, its parent, its
// children and its slot on the parent's children list (Linux's de_thread).
void take_leader_place(Task* task, Task* leader)
{
    Task* parent = leader->parent;
    task->pid = leader->pid;
    task->parent = parent;
    task->exit_signal = leader->exit_signal;
    task->start_jiffies = leader->start_jiffies;
    task->pgid = leader->pgid;
    task->sid = leader->sid;
    if (parent) {
        parent->children.remove(*leader);
        parent->children.push_back(*task);
    }
    while (Task* child = leader->children.front()) {
        leader->children.remove(*child);
        child->parent = task;
        task->children.push_back(*child);
    }
    task->group_leader = task;
    leader->parent = nullptr;
    leader->pid = 0;   // its pid is the exec'ing thread's now
    release_task(leader);
}

// After de_thread the handlers may still be shared with a CLONE_SIGHAND
// process; execve resets them, so it needs its own copy.
int unshare_sighand(Task* task)
{
    SignalAction* old = task->sighand;
    if (!old || block_of(old)->count == 1)
        return 0;
    SignalAction* copy = sighand_alloc();
    if (!copy)
        return -ENOMEM;
    libk::memcpy(copy, old, sizeof(SignalAction) * nsig);
    task->sighand = copy;
    sighand_put(old);
    return 0;
}

} // namespace

// execve: the other threads die; a non-leader becomes the leader. Also gives
// processes that never forked (pid 1, kernel_execve) their thread group.
int de_thread()
{
    Task* task = current;
    if (!task->signal) {
        task->signal = thread_group_alloc(task);
        if (!task->signal)
            return -ENOMEM;
    }
    ThreadGroup* group = task->signal;
    uint32_t flags = arch::local_irq_save();
    if (group->group_exit) {
        arch::local_irq_restore(flags);
        return -EAGAIN;   // an exit_group or another exec won
    }
    if (group->live > 1) {
        // Other threads see a group exit: none becomes the last one out.
        group->group_exit = true;
        group->exec_task = task;
        zap_other_threads(task);
        while (group->live > 1) {
            task->state = TaskState::Uninterruptible;
            schedule();   // each exiting thread wakes us (exit.cpp)
        }
        group->exec_task = nullptr;
        group->group_exit = false;
        group->group_exit_code = 0;
    }
    if (!thread_group_leader(task))
        take_leader_place(task, task->group_leader);
    arch::local_irq_restore(flags);
    return unshare_sighand(task);
}
