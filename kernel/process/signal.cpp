// Signals as Linux i386 has them: pending and blocked masks, default actions
// (terminate, ignore, stop), handlers entered through a signal frame on the
// user stack and left through sigreturn/rt_sigreturn, restarted system calls.
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/sigcontext.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <asm/ucontext.h>
#include <asm/unistd_32.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <linux/time.h>
#include <libk/string.h>
#include <limits.h>
#include <linux/errno.h>

namespace {

constexpr uint64_t bit(int sig) { return 1ull << (sig - 1); }
constexpr uint64_t unblockable = bit(SIGKILL) | bit(SIGSTOP);
constexpr uint64_t stop_signals = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
constexpr uint64_t default_ignored = bit(SIGCHLD) | bit(SIGURG) | bit(SIGWINCH) | bit(SIGCONT);

const SignalAction& action_of(const Task* task, int sig)
{
    static constexpr SignalAction default_action {};
    return task->sighand ? task->sighand[sig - 1] : default_action;
}

bool is_ignored(const Task* task, int sig)
{
    const SignalAction& action = action_of(task, sig);
    if (action.handler == reinterpret_cast<uintptr_t>(SIG_IGN))
        return true;
    return action.handler == reinterpret_cast<uintptr_t>(SIG_DFL) && (bit(sig) & default_ignored);
}

uint64_t shared_pending(const Task* task)
{
    return task->signal ? task->signal->shared_pending : 0;
}

// The signals pending for the thread or its group that it does not block.
uint64_t deliverable_signals(const Task* task)
{
    return (task->pending_signals | shared_pending(task)) & ~(task->blocked_signals & ~unblockable);
}

// The lowest deliverable signal: the thread's own first, then the group's (Linux's dequeue_signal).
int next_signal(const Task* task)
{
    uint64_t deliverable = deliverable_signals(task);
    return deliverable ? __builtin_ctzll(deliverable) + 1 : 0;   // bit(sig) is 1 << (sig - 1)
}

void notify_parent_stopped(Task* task)
{
    Task* parent = task->parent;
    if (!parent)
        return;
    if (!(action_of(parent, SIGCHLD).flags & SA_NOCLDSTOP))
        send_group_signal(parent, SIGCHLD, SI_KERNEL, task->tgid, task->cred.uid);
    parent->wait_chldexit.wake_up_all();
}

// A stop signal stops the whole group (Linux's group stop): the other threads
// get the same signal of their own and stop at their next return to user mode.
// The leader's stop is what wait4 reports.
void do_signal_stop(int sig)
{
    arch::local_irq_disable();
    if (current->signal) {
        for (Task& thread : current->signal->threads) {
            if (&thread != current && thread.state != TaskState::Stopped) {
                thread.pending_signals |= bit(sig);
                wake_up_interruptible(&thread);
            }
        }
    }
    current->stop_signal = sig;
    current->stop_reported = false;
    current->state = TaskState::Stopped;
    if (thread_group_leader(current))
        notify_parent_stopped(current);
    schedule();   // until SIGCONT or SIGKILL
    arch::local_irq_enable();
}

// ---- signal frames ----

struct Sigframe {
    uint32_t pretcode;
    int32_t sig;
    sigcontext sc;
    _fpstate_32 fpstate_unused;   // kept for the layout Linux user space knows
    uint32_t extramask[1];
    uint8_t retcode[8];
};

struct RtSigframe {
    uint32_t pretcode;
    int32_t sig;
    uint32_t pinfo;
    uint32_t puc;
    siginfo_t info;
    ucontext uc;
    uint8_t retcode[8];
};

void fill_sigcontext(sigcontext& sc, const pt_regs* regs, uint32_t fpstate, uint32_t mask)
{
    libk::memset(&sc, 0, sizeof(sc));
    sc.gs = static_cast<__u16>(regs->gs);
    sc.fs = static_cast<__u16>(regs->fs);
    sc.es = static_cast<__u16>(regs->es);
    sc.ds = static_cast<__u16>(regs->ds);
    sc.edi = regs->di;
    sc.esi = regs->si;
    sc.ebp = regs->bp;
    sc.esp = regs->sp;
    sc.ebx = regs->bx;
    sc.edx = regs->dx;
    sc.ecx = regs->cx;
    sc.eax = regs->ax;
    sc.trapno = regs->vector;
    sc.err = regs->error_code;
    sc.eip = regs->ip;
    sc.cs = static_cast<__u16>(regs->cs);
    sc.eflags = regs->flags;
    sc.esp_at_signal = regs->sp;
    sc.ss = static_cast<__u16>(regs->ss);
    sc.fpstate = fpstate;
    sc.oldmask = mask;
    sc.cr2 = current->fault_address;
}

// A user segment selector from a signal frame: kept only if it is one the task
// may load (null, user data, a TLS slot), so the return to user mode cannot fault.
uint32_t sanitize_selector(uint32_t selector)
{
    selector &= 0xFFFF;
    if (selector == 0 || selector == USER_DS)
        return selector;
    unsigned index = selector >> 3;
    if ((selector & 7) == 3 && index >= gdt_entry_tls_min && index < gdt_entry_tls_min + gdt_entry_tls_entries)
        return selector;
    return 0;
}

bool restore_sigcontext(pt_regs* regs, const sigcontext& sc)
{
    constexpr uint32_t user_flags = 0x00040DD5;   // AC OF DF TF SF ZF AF PF CF: what user code may set
    regs->gs = sanitize_selector(sc.gs);
    regs->fs = sanitize_selector(sc.fs);
    regs->es = USER_DS;
    regs->ds = USER_DS;
    regs->di = sc.edi;
    regs->si = sc.esi;
    regs->bp = sc.ebp;
    regs->sp = sc.esp;
    regs->bx = sc.ebx;
    regs->dx = sc.edx;
    regs->cx = sc.ecx;
    regs->ax = sc.eax;
    regs->ip = sc.eip;
    regs->cs = USER_CS;
    regs->ss = USER_DS;
    regs->flags = (regs->flags & ~user_flags) | (sc.eflags & user_flags) | arch::eflags_if;
    regs->orig_ax = static_cast<uint32_t>(-1);   // no system call to restart
    if (sc.fpstate && current->fpu_state) {
        if (copy_from_user(current->fpu_state, reinterpret_cast<const void*>(sc.fpstate), fpu_state_size))
            return false;
        reinterpret_cast<uint32_t*>(current->fpu_state)[6] &= 0xFFBF;   // MXCSR: reserved bits would #GP
        fpu_switch(nullptr, current->fpu_state);
    }
    return true;
}

// Reserves the FPU area and the frame below the user stack pointer; returns
// the frame address and sets `fpstate` (0 when the task has no FPU state).
uint32_t reserve_frame(const pt_regs* regs, size_t frame_size, uint32_t& fpstate)
{
    uint32_t sp = regs->sp;
    fpstate = 0;
    if (current->fpu_state) {
        sp = (sp - fpu_state_size) & ~15u;
        fpstate = sp;
    }
    sp -= frame_size;
    return ((sp + 4) & ~15u) - 4;   // as on entry to a function: (esp + 4) % 16 == 0
}

bool copy_fpu_state_out(uint32_t fpstate)
{
    if (!fpstate)
        return true;
    fpu_save_current(current->fpu_state);
    return !copy_to_user(reinterpret_cast<void*>(fpstate), current->fpu_state, fpu_state_size);
}

void enter_handler(pt_regs* regs, const SignalAction& action, uint32_t frame, int sig)
{
    regs->sp = frame;
    regs->ip = static_cast<uint32_t>(action.handler);
    regs->ax = static_cast<uint32_t>(sig);
    regs->ds = regs->es = regs->ss = USER_DS;
    regs->cs = USER_CS;
    regs->flags &= ~(0x100u | 0x400u);   // TF, DF off in the handler
}

bool setup_rt_frame(int sig, const SignalAction& action, uint64_t old_mask, pt_regs* regs)
{
    uint32_t fpstate;
    uint32_t address = reserve_frame(regs, sizeof(RtSigframe), fpstate);
    auto* user_frame = reinterpret_cast<RtSigframe*>(address);
    RtSigframe frame;
    libk::memset(&frame, 0, sizeof(frame));
    frame.sig = sig;
    frame.pinfo = address + offsetof(RtSigframe, info);
    frame.puc = address + offsetof(RtSigframe, uc);
    frame.info.si_signo = sig;
    const SignalSender& sender = current->signal_senders[sig - 1];
    frame.info.si_code = sender.code;
    if (sender.code == SI_USER || sender.code == SI_TKILL) {
        frame.info.si_pid = sender.pid;
        frame.info.si_uid = sender.uid;
    } else if (sender.code > 0) {
        // A fault (SEGV_MAPERR, ILL_ILLOPN, FPE_INTDIV...): the address.
        frame.info.si_addr = reinterpret_cast<void*>(sig == SIGSEGV ? current->fault_address : regs->ip);
    }
    fill_sigcontext(frame.uc.uc_mcontext, regs, fpstate, static_cast<uint32_t>(old_mask));
    libk::memcpy(&frame.uc.uc_sigmask, &old_mask, sizeof(old_mask));
    // movl $__NR_rt_sigreturn, %eax; int $0x80 (only used without SA_RESTORER)
    const uint8_t code[8] = { 0xB8, __NR_rt_sigreturn & 0xFF, __NR_rt_sigreturn >> 8, 0, 0, 0xCD, 0x80, 0 };
    libk::memcpy(frame.retcode, code, sizeof(code));
    frame.pretcode = (action.flags & SA_RESTORER) ? static_cast<uint32_t>(action.restorer)
                                                  : address + offsetof(RtSigframe, retcode);
    if (copy_to_user(user_frame, &frame, sizeof(frame)) || !copy_fpu_state_out(fpstate))
        return false;
    enter_handler(regs, action, address, sig);
    regs->dx = frame.pinfo;
    regs->cx = frame.puc;
    return true;
}

bool setup_frame(int sig, const SignalAction& action, uint64_t old_mask, pt_regs* regs)
{
    uint32_t fpstate;
    uint32_t address = reserve_frame(regs, sizeof(Sigframe), fpstate);
    auto* user_frame = reinterpret_cast<Sigframe*>(address);
    auto* frame = static_cast<Sigframe*>(kzalloc(sizeof(Sigframe), GFP_KERNEL));
    if (!frame)
        return false;
    frame->sig = sig;
    fill_sigcontext(frame->sc, regs, fpstate, static_cast<uint32_t>(old_mask));
    frame->extramask[0] = static_cast<uint32_t>(old_mask >> 32);
    // popl %eax; movl $__NR_sigreturn, %eax; int $0x80
    const uint8_t code[8] = { 0x58, 0xB8, __NR_sigreturn & 0xFF, __NR_sigreturn >> 8, 0, 0, 0xCD, 0x80 };
    libk::memcpy(frame->retcode, code, sizeof(code));
    frame->pretcode = (action.flags & SA_RESTORER) ? static_cast<uint32_t>(action.restorer)
                                                   : address + offsetof(Sigframe, retcode);
    bool ok = !copy_to_user(user_frame, frame, sizeof(*frame)) && copy_fpu_state_out(fpstate);
    kfree(frame);
    if (!ok)
        return false;
    enter_handler(regs, action, address, sig);
    regs->dx = regs->cx = 0;
    return true;
}

// A system call interrupted by a signal (it returned -ERESTART*): restart it or
// make it fail with -EINTR, as Linux decides from the handler's SA_RESTART.
void handle_restart(pt_regs* regs, const SignalAction* action)
{
    if (regs->vector != 0x80)
        return;
    int result = static_cast<int>(regs->ax);
    bool restart;
    switch (result) {
    case -ERESTARTNOHAND:
    case -ERESTART_RESTARTBLOCK:
        restart = !action && result == -ERESTARTNOHAND;
        break;
    case -ERESTARTSYS:
        restart = !action || (action->flags & SA_RESTART);
        break;
    case -ERESTARTNOINTR:
        restart = true;
        break;
    default:
        return;
    }
    if (restart) {
        regs->ax = regs->orig_ax;
        regs->ip -= 2;   // back onto the int $0x80
    } else {
        regs->ax = static_cast<uint32_t>(-EINTR);
    }
}

} // namespace

// Asked at every return to user mode: one mask test, no search.
bool signal_pending(const Task* task)
{
    return task && deliverable_signals(task) != 0;
}

int send_signal(Task* task, int sig)
{
    return send_signal_from(task, sig, SI_KERNEL, 0, 0);
}

int send_signal_from(Task* task, int sig, int si_code, pid_t pid, uid_t uid)
{
    if (sig < 1 || sig > nsig)
        return -EINVAL;
    uint32_t flags = arch::local_irq_save();
    if (sig == SIGKILL || sig == SIGCONT) {
        task->pending_signals &= ~stop_signals;
        wake_up_stopped(task);
    }
    if (bit(sig) & stop_signals)
        task->pending_signals &= ~bit(SIGCONT);
    // init gets only the signals it installed a handler for (Linux's SIGNAL_UNKILLABLE).
    bool init_default = task->pid == 1 && action_of(task, sig).handler == reinterpret_cast<uintptr_t>(SIG_DFL);
    if (!init_default && !(is_ignored(task, sig) && !(task->blocked_signals & bit(sig)))) {
        task->pending_signals |= bit(sig);
        task->signal_senders[sig - 1] = { si_code, pid, uid };
        if (!(task->blocked_signals & bit(sig)) || sig == SIGKILL)
            wake_up_interruptible(task);
    }
    arch::local_irq_restore(flags);
    return 0;
}

namespace {

// A thread that can take `sig` now: `task` itself if it does not block it,
// else another thread of its group (Linux's complete_signal), else nullptr.
Task* pick_thread(Task* task, int sig)
{
    auto wants = [sig](const Task& t) {
        return t.state != TaskState::Zombie && t.state != TaskState::Dead
            && (!(t.blocked_signals & bit(sig)) || sig == SIGKILL);
    };
    if (wants(*task))
        return task;
    for (Task& thread : task->signal->threads)
        if (wants(thread))
            return &thread;
    return nullptr;
}

// Terminates by default and nobody handles it: the group dies without
// waiting for a thread to dequeue it.
bool is_fatal(const Task* task, int sig)
{
    if (sig == SIGKILL)
        return true;
    const SignalAction& action = action_of(task, sig);
    return action.handler == reinterpret_cast<uintptr_t>(SIG_DFL)
        && !(bit(sig) & (default_ignored | stop_signals)) && task->tgid != 1;
}

} // namespace

int send_group_signal(Task* task, int sig, int si_code, pid_t pid, uid_t uid)
{
    ThreadGroup* group = task->signal;
    if (!group)
        return send_signal_from(task, sig, si_code, pid, uid);
    if (sig < 1 || sig > nsig)
        return -EINVAL;
    uint32_t flags = arch::local_irq_save();
    if (sig == SIGKILL || sig == SIGCONT) {
        group->shared_pending &= ~stop_signals;
        for (Task& thread : group->threads) {
            thread.pending_signals &= ~stop_signals;
            wake_up_stopped(&thread);
        }
    }
    if (bit(sig) & stop_signals) {
        group->shared_pending &= ~bit(SIGCONT);
        for (Task& thread : group->threads)
            thread.pending_signals &= ~bit(SIGCONT);
    }
    Task* target = group->threads.front();
    if (!target || (task->tgid == 1 && action_of(task, sig).handler == reinterpret_cast<uintptr_t>(SIG_DFL))
        || (is_ignored(task, sig) && !(task->blocked_signals & bit(sig)))) {
        arch::local_irq_restore(flags);   // no live thread, init's default, or ignored
        return 0;
    }
    if (!task->signal->threads.contains(*task))
        task = target;   // the leader has exited: any live thread stands for the group
    group->shared_pending |= bit(sig);
    group->shared_senders[sig - 1] = { si_code, pid, uid };
    if (Task* thread = pick_thread(task, sig)) {
        if (is_fatal(task, sig) && !group->group_exit) {
            // Linux's complete_signal: SIGKILL to every thread, the status is the signal.
            group->group_exit = true;
            group->group_exit_code = sig;
            group->shared_pending &= ~bit(sig);
            for (Task& each : group->threads) {
                each.pending_signals |= bit(SIGKILL);
                wake_up_stopped(&each);
                wake_up_interruptible(&each);
            }
        } else {
            wake_up_interruptible(thread);
        }
    }
    arch::local_irq_restore(flags);
    return 0;
}

// A process: a leader, or a leader's zombie whose threads live on.
static bool is_live_process(const Task* task)
{
    if (!task->user_process || !thread_group_leader(task))
        return false;
    return task->signal ? task->signal->live > 0 : task->state != TaskState::Zombie;
}

int kill_pgrp(pid_t pgid, int sig)
{
    struct Context {
        pid_t pgid;
        int sig;
        bool found;
    } context { pgid, sig, false };
    for_each_task([](Task* task, void* argument) {
        auto* c = static_cast<Context*>(argument);
        if (is_live_process(task) && task->pgid == c->pgid) {
            c->found = true;
            if (c->sig)
                send_group_signal(task, c->sig, SI_KERNEL, 0, 0);
        }
    }, &context);
    return context.found ? 0 : -ESRCH;
}

void force_sig(int sig)
{
    uint32_t flags = arch::local_irq_save();
    current->fault_address = arch::read_cr2();
    if (current->sighand) {
        SignalAction& action = current->sighand[sig - 1];
        if (action.handler == reinterpret_cast<uintptr_t>(SIG_IGN) || (current->blocked_signals & bit(sig)))
            action.handler = reinterpret_cast<uintptr_t>(SIG_DFL);
    }
    current->blocked_signals &= ~bit(sig);
    current->pending_signals |= bit(sig);
    // Linux's fault codes: SEGV_MAPERR, ILL_ILLOPN, FPE_INTDIV, BUS_ADRALN.
    int code = sig == SIGSEGV ? 1 : sig == SIGILL ? 2 : sig == SIGFPE ? 1 : sig == SIGBUS ? 1 : SI_KERNEL;
    current->signal_senders[sig - 1] = { code, 0, 0 };
    arch::local_irq_restore(flags);
}

void do_signal(pt_regs* regs)
{
    for (;;) {
        arch::local_irq_disable();
        int sig = next_signal(current);
        if (sig && (current->pending_signals & bit(sig))) {
            current->pending_signals &= ~bit(sig);
        } else if (sig) {
            current->signal->shared_pending &= ~bit(sig);   // the group's: this thread takes it
            current->signal_senders[sig - 1] = current->signal->shared_senders[sig - 1];
        }
        arch::local_irq_enable();
        if (!sig)
            break;

        SignalAction action = action_of(current, sig);
        if (action.handler == reinterpret_cast<uintptr_t>(SIG_IGN))
            continue;
        if (action.handler == reinterpret_cast<uintptr_t>(SIG_DFL)) {
            if (bit(sig) & default_ignored)
                continue;
            if (current->tgid == 1 && sig != SIGKILL)
                continue;
            if (bit(sig) & stop_signals) {
                do_signal_stop(sig);
                continue;
            }
            do_group_exit(sig);   // killed: every thread dies, the status holds the signal number
        }

        handle_restart(regs, &action);
        uint64_t old_mask = current->restore_sigmask ? current->saved_sigmask : current->blocked_signals;
        current->restore_sigmask = false;
        bool delivered = (action.flags & SA_SIGINFO) ? setup_rt_frame(sig, action, old_mask, regs)
                                                     : setup_frame(sig, action, old_mask, regs);
        if (!delivered) {
            // No room on the user stack for the frame: Linux kills with SIGSEGV.
            do_group_exit(SIGSEGV);
        }
        uint64_t blocked = current->blocked_signals | action.mask;
        if (!(action.flags & SA_NODEFER))
            blocked |= bit(sig);
        current->blocked_signals = blocked & ~unblockable;
        if ((action.flags & SA_RESETHAND) && current->sighand)
            current->sighand[sig - 1].handler = reinterpret_cast<uintptr_t>(SIG_DFL);
        return;   // one handler at a time; the next signal comes after it returns
    }
    handle_restart(regs, nullptr);
    if (current->restore_sigmask) {
        current->blocked_signals = current->saved_sigmask;
        current->restore_sigmask = false;
    }
}

// ---- system calls ----

extern "C" long sys_rt_sigaction(int sig, const struct sigaction __user* act, struct sigaction __user* oact,
    size_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    if (sig < 1 || sig > nsig)
        return -EINVAL;
    if (!current->sighand)
        return -EINVAL;
    SignalAction& slot = current->sighand[sig - 1];
    struct sigaction old {};
    old.sa_handler = reinterpret_cast<__sighandler_t>(slot.handler);
    old.sa_flags = slot.flags;
    old.sa_restorer = reinterpret_cast<__sigrestore_t>(slot.restorer);
    libk::memcpy(&old.sa_mask, &slot.mask, sizeof(slot.mask));
    if (act) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        struct sigaction update;
        if (copy_from_user(&update, act, sizeof(update)))
            return -EFAULT;
        slot.handler = reinterpret_cast<uintptr_t>(update.sa_handler);
        slot.flags = update.sa_flags;
        slot.restorer = reinterpret_cast<uintptr_t>(update.sa_restorer);
        libk::memcpy(&slot.mask, &update.sa_mask, sizeof(slot.mask));
        slot.mask &= ~unblockable;
        if (is_ignored(current, sig)) {
            current->pending_signals &= ~bit(sig);   // POSIX: ignoring discards the pending one
            if (current->signal)
                current->signal->shared_pending &= ~bit(sig);
        }
    }
    if (oact && copy_to_user(oact, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

// The pre-rt sigaction (67): a 32-bit mask, fields in another order.
extern "C" long sys_sigaction(int sig, const struct old_sigaction __user* act, struct old_sigaction __user* oact)
{
    if (sig < 1 || sig > nsig || !current->sighand)
        return -EINVAL;
    SignalAction& slot = current->sighand[sig - 1];
    struct old_sigaction old {};
    old._u._sa_handler = reinterpret_cast<__sighandler_t>(slot.handler);
    old.sa_mask = static_cast<old_sigset_t>(slot.mask);
    old.sa_flags = slot.flags;
    old.sa_restorer = reinterpret_cast<__sigrestore_t>(slot.restorer);
    if (act) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        struct old_sigaction update;
        if (copy_from_user(&update, act, sizeof(update)))
            return -EFAULT;
        slot.handler = reinterpret_cast<uintptr_t>(update._u._sa_handler);
        slot.flags = update.sa_flags;
        slot.restorer = reinterpret_cast<uintptr_t>(update.sa_restorer);
        slot.mask = update.sa_mask & ~unblockable;
        if (is_ignored(current, sig)) {
            current->pending_signals &= ~bit(sig);
            if (current->signal)
                current->signal->shared_pending &= ~bit(sig);
        }
    }
    if (oact && copy_to_user(oact, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

extern "C" long sys_rt_sigprocmask(int how, const uint64_t __user* set, uint64_t __user* oset, size_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t old = current->blocked_signals;
    if (set) {
        uint64_t mask;
        if (copy_from_user(&mask, set, sizeof(mask)))
            return -EFAULT;
        mask &= ~unblockable;
        switch (how) {
        case SIG_BLOCK:
            current->blocked_signals |= mask;
            break;
        case SIG_UNBLOCK:
            current->blocked_signals &= ~mask;
            break;
        case SIG_SETMASK:
            current->blocked_signals = mask;
            break;
        default:
            return -EINVAL;
        }
    }
    if (oset && copy_to_user(oset, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

extern "C" long sys_rt_sigpending(uint64_t __user* set, size_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t pending = (current->pending_signals | shared_pending(current)) & current->blocked_signals;
    return copy_to_user(set, &pending, sizeof(pending)) ? -EFAULT : 0;
}

int set_user_sigmask(const uint64_t __user* mask, size_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t new_mask;
    if (copy_from_user(&new_mask, mask, sizeof(new_mask)))
        return -EFAULT;
    current->saved_sigmask = current->blocked_signals;
    current->restore_sigmask = true;
    current->blocked_signals = new_mask & ~unblockable;
    return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
    if (interrupted || !current->restore_sigmask)
        return;
    current->blocked_signals = current->saved_sigmask;
    current->restore_sigmask = false;
}

extern "C" long sys_rt_sigsuspend(const uint64_t __user* mask, size_t sigsetsize)
{
    if (int error = set_user_sigmask(mask, sigsetsize))
        return error;
    sleep_until_signal();
    return -ERESTARTNOHAND;
}

extern "C" long sys_pause()
{
    sleep_until_signal();
    return -ERESTARTNOHAND;
}

extern "C" long sys_rt_sigreturn()
{
    pt_regs* regs = current_pt_regs();
    auto* frame = reinterpret_cast<const RtSigframe*>(regs->sp - 4);
    ucontext uc;
    if (copy_from_user(&uc, &frame->uc, sizeof(uc)))
        do_exit(SIGSEGV);
    libk::memcpy(&current->blocked_signals, &uc.uc_sigmask, sizeof(uint64_t));
    current->blocked_signals &= ~unblockable;
    if (!restore_sigcontext(regs, uc.uc_mcontext))
        do_exit(SIGSEGV);
    return static_cast<long>(regs->ax);
}

extern "C" long sys_sigreturn()
{
    pt_regs* regs = current_pt_regs();
    auto* frame = reinterpret_cast<const Sigframe*>(regs->sp - 8);
    sigcontext sc;
    uint32_t extramask;
    if (copy_from_user(&sc, &frame->sc, sizeof(sc)) || copy_from_user(&extramask, &frame->extramask, 4))
        do_exit(SIGSEGV);
    current->blocked_signals = ((static_cast<uint64_t>(extramask) << 32) | sc.oldmask) & ~unblockable;
    if (!restore_sigcontext(regs, sc))
        do_exit(SIGSEGV);
    return static_cast<long>(regs->ax);
}

namespace {

bool may_signal(const Task* target)
{
    const Credentials& me = current->cred;
    return me.euid == 0 || me.euid == target->cred.uid || me.uid == target->cred.uid
        || me.euid == target->cred.suid || me.uid == target->cred.suid;
}

// kill(0) and kill(-pgid): each process of the group that we may signal
// (Linux's __kill_pgrp_info: 0 if any got it, else -EPERM, or -ESRCH for no group).
long kill_pgrp_checked(pid_t pgid, int sig)
{
    struct Context {
        pid_t pgid;
        int sig;
        bool found, sent;
    } context { pgid, sig, false, false };
    for_each_task([](Task* task, void* argument) {
        auto* c = static_cast<Context*>(argument);
        if (!is_live_process(task) || task->pgid != c->pgid)
            return;
        c->found = true;
        if (!may_signal(task))
            return;
        c->sent = true;
        if (c->sig)
            send_group_signal(task, c->sig, SI_USER, current->tgid, current->cred.uid);
    }, &context);
    return context.sent ? 0 : context.found ? -EPERM : -ESRCH;
}

} // namespace

extern "C" long sys_kill(pid_t pid, int sig)
{
    if (sig < 0 || sig > nsig)
        return -EINVAL;
    if (pid > 0) {
        // Any thread's id names its process (Linux's kill_pid_info).
        Task* target = find_task_by_pid(pid);
        if (!target || !is_live_process(target->group_leader))
            return -ESRCH;
        if (!may_signal(target))
            return -EPERM;
        return sig ? send_group_signal(target, sig, SI_USER, current->tgid, current->cred.uid) : 0;
    }
    if (pid == INT_MIN)
        return -ESRCH;   // -pid would overflow
    if (pid == 0 || pid < -1)
        return kill_pgrp_checked(pid == 0 ? current->pgid : -pid, sig);
    // pid -1: every process we may signal except init and ourselves.
    struct Context {
        int sig;
        int count;
    } context { sig, 0 };
    for_each_task([](Task* task, void* argument) {
        auto* c = static_cast<Context*>(argument);
        if (is_live_process(task) && task->tgid > 1 && task->tgid != current->tgid && may_signal(task)) {
            ++c->count;
            if (c->sig)
                send_group_signal(task, c->sig, SI_USER, current->tgid, current->cred.uid);
        }
    }, &context);
    return context.count ? 0 : -ESRCH;
}

namespace {

// tkill and tgkill: one thread, which must still be running (Linux's do_tkill).
long do_tkill(pid_t tgid, pid_t tid, int sig)
{
    if (tid <= 0 || sig < 0 || sig > nsig)
        return -EINVAL;
    Task* target = find_task_by_pid(tid);
    if (!target || !target->user_process || target->state == TaskState::Zombie || (tgid > 0 && target->tgid != tgid))
        return -ESRCH;
    if (!may_signal(target))
        return -EPERM;
    return sig ? send_signal_from(target, sig, SI_TKILL, current->tgid, current->cred.uid) : 0;
}

} // namespace

extern "C" long sys_tkill(pid_t tid, int sig)
{
    return do_tkill(0, tid, sig);
}

// What glibc's raise() and pthread_kill() call.
extern "C" long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
    if (tgid <= 0)
        return -EINVAL;
    return do_tkill(tgid, tid, sig);
}

extern "C" long sys_alarm(unsigned int seconds)
{
    unsigned long now = jiffies;
    unsigned long previous = current->alarm_deadline;
    long remaining = previous && time_after(previous, now) ? static_cast<long>((previous - now + HZ - 1) / HZ) : 0;
    current->alarm_deadline = seconds ? now + seconds * HZ : 0;
    current->alarm_interval = 0;
    return remaining;
}

namespace {

unsigned long jiffies_from(const struct timeval& value)
{
    uint64_t us = static_cast<uint64_t>(value.tv_sec) * 1000000ull + static_cast<uint64_t>(value.tv_usec);
    return static_cast<unsigned long>((us * HZ + 999999) / 1000000);
}

struct timeval timeval_from(unsigned long ticks)
{
    return { static_cast<long>(ticks / HZ), static_cast<long>(ticks % HZ * (1000000 / HZ)) };
}

struct itimerval current_itimer()
{
    unsigned long now = jiffies;
    unsigned long deadline = current->alarm_deadline;
    unsigned long left = deadline && time_after(deadline, now) ? deadline - now : (deadline ? 1 : 0);
    return { timeval_from(current->alarm_interval), timeval_from(left) };
}

} // namespace

// Only ITIMER_REAL (SIGALRM), the timer alarm() uses too.
extern "C" long sys_setitimer(int which, const struct itimerval __user* value, struct itimerval __user* old_value)
{
    if (which != ITIMER_REAL)
        return -EINVAL;
    struct itimerval request {};
    if (value && copy_from_user(&request, value, sizeof(request)))
        return -EFAULT;
    if (request.it_value.tv_usec < 0 || request.it_value.tv_usec >= 1000000 || request.it_interval.tv_usec < 0
        || request.it_interval.tv_usec >= 1000000)
        return -EINVAL;
    struct itimerval old = current_itimer();
    unsigned long ticks = jiffies_from(request.it_value);
    current->alarm_deadline = ticks ? jiffies + ticks : 0;
    current->alarm_interval = jiffies_from(request.it_interval);
    if (old_value && copy_to_user(old_value, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

extern "C" long sys_getitimer(int which, struct itimerval __user* value)
{
    if (which != ITIMER_REAL)
        return -EINVAL;
    struct itimerval now = current_itimer();
    return copy_to_user(value, &now, sizeof(now)) ? -EFAULT : 0;
}
