// fork, vfork and clone: a new task that copies or shares, flag by flag as on
// Linux, the caller's address space, open files, working directory, signal
// handlers and thread group; a thread (CLONE_THREAD) joins the caller's group.
#include <arch/fpu.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/ldt.h>
#include <asm/signal.h>
#include <kernel/completion.h>
#include <kernel/mm.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <uapi/linux/sched.h>

int set_tls_descriptor(Task* task, const user_desc __user* user_info);   // kernel/process/tls.cpp

namespace {

constexpr unsigned long csignal = 0x000000ff;
// What kernlab does not implement: namespaces, pidfds, ptrace, CLONE_IO.
constexpr unsigned long unsupported = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER
    | CLONE_NEWPID | CLONE_NEWNET | CLONE_PIDFD | CLONE_PTRACE | CLONE_IO;

// Linux's copy_process checks, in its order.
int check_clone_flags(unsigned long flags)
{
    if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
        return -EINVAL;   // threads share their handlers
    if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
        return -EINVAL;   // shared handlers need the memory they point into
    if ((flags & CLONE_PARENT) && current->tgid == 1)
        return -EINVAL;   // init's siblings would have no reaper
    if (flags & unsupported)
        return -EINVAL;
    return 0;
}

// The parts a task shares or copies; undone with put_resources on failure.
int copy_resources(Task* child, Task* parent, unsigned long flags)
{
    if (parent->mm) {
        if (flags & CLONE_VM) {
            child->mm = parent->mm;
            ++child->mm->mm_users;
        } else if (!(child->mm = dup_mm(parent->mm))) {
            return -ENOMEM;
        }
    }
    if (parent->files) {
        if (flags & CLONE_FILES) {
            child->files = parent->files;
            ++child->files->count;
        } else if (!(child->files = files_dup(parent->files))) {
            return -ENOMEM;
        }
    }
    if (parent->fs) {
        if (flags & CLONE_FS) {
            child->fs = parent->fs;
            ++child->fs->count;
        } else if (!(child->fs = fs_copy(parent->fs))) {
            return -ENOMEM;
        }
    }
    if ((flags & CLONE_SIGHAND) && parent->sighand) {
        child->sighand = parent->sighand;
        sighand_get(child->sighand);
    } else {
        if (!(child->sighand = sighand_alloc()))
            return -ENOMEM;
        if (parent->sighand)
            libk::memcpy(child->sighand, parent->sighand, sizeof(SignalAction) * nsig);
    }
    if (parent->fpu_state) {
        fpu_save_current(parent->fpu_state);
        if (!(child->fpu_state = fpu_state_alloc(parent->fpu_state)))
            return -ENOMEM;
    }
    return 0;
}

void put_resources(Task* child)
{
    mmput(child->mm);
    if (child->files)
        files_put(child->files);
    if (child->fs)
        fs_put(child->fs);
    free_task(child);   // the handlers, the FPU area, the thread group reference
}

// A thread joins the caller's group; anything else starts a group of its own
// as a child of the caller's process (or of its parent with CLONE_PARENT).
int join_family(Task* child, Task* parent, unsigned long flags)
{
    Task* leader = parent->group_leader;
    if (flags & CLONE_THREAD) {
        ThreadGroup* group = parent->signal;
        if (!group || group->group_exit)
            return -EAGAIN;   // exiting (Linux: fatal_signal_pending)
        child->signal = group;
        ++group->count;
        ++group->live;
        group->threads.push_back(*child);
        child->group_leader = leader;
        child->tgid = parent->tgid;
        child->parent = leader->parent;
        child->exit_signal = 0;   // nobody waits for a thread
        return 0;
    }
    if (!(child->signal = thread_group_alloc(child)))
        return -ENOMEM;
    if (ThreadGroup* from = parent->signal) {
        child->signal->tty = from->tty;   // the terminal goes with the process
        libk::memcpy(child->signal->rlim, from->rlim, sizeof(from->rlim));
        child->signal->oom_score_adj = from->oom_score_adj;
        child->signal->oom_score_adj_min = from->oom_score_adj_min;
    }
    child->group_leader = child;
    child->parent = (flags & CLONE_PARENT) ? leader->parent : leader;
    child->exit_signal = static_cast<int>(flags & csignal);
    child->parent->children.push_back(*child);
    return 0;
}

long do_fork(unsigned long flags, unsigned long new_stack, int __user* parent_tid, const user_desc __user* tls,
    int __user* child_tid)
{
    if (int error = check_clone_flags(flags))
        return error;
    Task* parent = current;
    if (int error = check_task_limits(parent->cred.uid))
        return error;   // the task table is full, or the user's RLIMIT_NPROC is reached
    Task* child = alloc_task();
    if (!child)
        return -ENOMEM;
    libk::memcpy(child->comm, parent->comm, sizeof(child->comm));
    child->cred = parent->cred;
    child->groups = parent->groups;
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    child->blocked_signals = parent->blocked_signals;
    libk::memcpy(child->tls, parent->tls, sizeof(child->tls));
    child->saved_fs = arch::read_fs();   // the parent's user selectors, live in the registers
    child->saved_gs = arch::read_gs();
    child->user_process = true;
    child->make_it_fail = parent->make_it_fail;

    int error = copy_resources(child, parent, flags);
    if (!error && (flags & CLONE_SETTLS))
        error = set_tls_descriptor(child, tls);
    if (error) {
        put_resources(child);
        return error;
    }

    // The child returns from the same system call, with 0, on its own stack if given.
    pt_regs* regs = task_pt_regs(child);
    *regs = *current_pt_regs();
    regs->ax = 0;
    if (new_stack)
        regs->sp = static_cast<uint32_t>(new_stack);
    prepare_fork_return(child);
    if (flags & CLONE_CHILD_SETTID)
        child->set_child_tid = reinterpret_cast<uintptr_t>(child_tid);   // written by the child (schedule_tail)
    if (flags & CLONE_CHILD_CLEARTID)
        child->clear_child_tid = reinterpret_cast<uintptr_t>(child_tid);
    Completion vfork_done;
    if (flags & CLONE_VFORK)
        child->vfork_done = &vfork_done;

    uint32_t irq = arch::local_irq_save();
    error = join_family(child, parent, flags);
    if (error) {
        arch::local_irq_restore(irq);
        put_resources(child);
        return error;
    }
    pid_t pid = wake_up_new_task(child, 0);
    arch::local_irq_restore(irq);
    if (flags & CLONE_PARENT_SETTID)
        put_user_value(pid, parent_tid);
    if (flags & CLONE_VFORK)
        vfork_done.wait();   // until the child execs or exits: it runs on our memory
    return pid;
}

} // namespace

extern "C" long sys_fork()
{
    return do_fork(SIGCHLD, 0, nullptr, nullptr, nullptr);
}

// The parent sleeps while the child borrows its memory, until the child execs or exits.
extern "C" long sys_vfork()
{
    return do_fork(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, nullptr, nullptr, nullptr);
}

// i386 argument order: flags, stack, parent_tid, tls (a user_desc*), child_tid.
extern "C" long sys_clone(unsigned long flags, unsigned long new_stack, int __user* parent_tid,
    const user_desc __user* tls, int __user* child_tid)
{
    return do_fork(flags, new_stack, parent_tid, tls, child_tid);
}

// clone3 takes a struct clone_args; kernlab has only the classic clone, which
// is what glibc uses when clone3 says -ENOSYS.
extern "C" long sys_clone3(void __user*, size_t)
{
    return -ENOSYS;
}
