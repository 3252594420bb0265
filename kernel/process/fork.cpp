// fork: a new process with a copy-on-write copy of the caller's address
// space, its open files, working directory, credentials and signal handlers.
#include <arch/fpu.h>
#include <arch/ptrace.h>
#include <asm/signal.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/syscall.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <libk/string.h>
#include <linux/errno.h>

namespace {

// clone flags kernlab accepts: those fork and vfork use (threads are not supported).
constexpr unsigned long csignal = 0x000000ff;
constexpr unsigned long clone_vm = 0x00000100, clone_vfork = 0x00004000;
constexpr unsigned long clone_child_settid = 0x01000000, clone_child_cleartid = 0x00200000;
constexpr unsigned long clone_parent_settid = 0x00100000;

long do_fork(unsigned long clone_flags, int __user* parent_tid, int __user* child_tid)
{
    Task* parent = current;
    Task* child = alloc_task();
    if (!child)
        return -ENOMEM;
    libk::memcpy(child->comm, parent->comm, sizeof(child->comm));
    child->cred = parent->cred;
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    child->tty = parent->tty;
    child->blocked_signals = parent->blocked_signals;
    libk::memcpy(child->tls, parent->tls, sizeof(child->tls));
    child->user_process = true;
    child->exit_signal = static_cast<int>(clone_flags & csignal);

    child->sighand = static_cast<SignalAction*>(kmalloc(sizeof(SignalAction) * nsig, GFP_KERNEL));
    child->mm = parent->mm ? dup_mm(parent->mm) : nullptr;
    child->files = parent->files ? files_dup(parent->files) : nullptr;
    child->fs = parent->fs ? fs_copy(parent->fs) : nullptr;
    if (parent->fpu_state) {
        fpu_save_current(parent->fpu_state);
        child->fpu_state = fpu_state_alloc(parent->fpu_state);
    }
    if (!child->sighand || (parent->mm && !child->mm) || (parent->files && !child->files)
        || (parent->fs && !child->fs) || (parent->fpu_state && !child->fpu_state)) {
        mmput(child->mm);
        if (child->files)
            files_put(child->files);
        if (child->fs)
            fs_put(child->fs);
        free_task(child);
        return -ENOMEM;
    }
    if (parent->sighand)
        libk::memcpy(child->sighand, parent->sighand, sizeof(SignalAction) * nsig);
    else
        libk::memset(child->sighand, 0, sizeof(SignalAction) * nsig);

    // The child returns from the same system call, with 0.
    pt_regs* regs = task_pt_regs(child);
    *regs = *current_pt_regs();
    regs->ax = 0;
    prepare_fork_return(child);

    child->parent = parent;
    parent->children.push_back(*child);
    pid_t pid = wake_up_new_task(child);
    if (clone_flags & clone_child_cleartid)
        child->clear_child_tid = reinterpret_cast<uintptr_t>(child_tid);
    if (clone_flags & clone_parent_settid)
        put_user_value(pid, parent_tid);
    return pid;
}

} // namespace

extern "C" long sys_fork()
{
    return do_fork(SIGCHLD, nullptr, nullptr);
}

// With a copy-on-write fork, vfork's promise (the parent waits, memory is
// shared) is only an optimisation: fork semantics are a correct vfork.
extern "C" long sys_vfork()
{
    return do_fork(SIGCHLD, nullptr, nullptr);
}

// i386 argument order: flags, stack, parent_tid, tls, child_tid.
extern "C" long sys_clone(unsigned long flags, unsigned long new_stack, int __user* parent_tid, unsigned long,
    int __user* child_tid)
{
    if ((flags & clone_vm) && !(flags & clone_vfork))
        return -EINVAL;   // threads are not supported
    if (new_stack)
        return -EINVAL;
    (void)clone_child_settid;
    return do_fork(flags & ~(clone_vm | clone_vfork), parent_tid, child_tid);
}
