// Controlling terminals and job control (Linux's tty_jobctrl.c): which session a tty
// belongs to, its foreground process group, and SIGTTIN/SIGTTOU for background jobs.
#include "tty_struct.h"

#include <asm/ioctls.h>
#include <asm/signal.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>

namespace {

constexpr uintptr_t sig_ign = 1;

bool alive(const Task* task) { return task->state != TaskState::Zombie && task->state != TaskState::Dead; }

// A job that ignores or blocks the signal is not stopped by it.
bool ignored_or_blocked(int sig)
{
    if (current->blocked_signals & (1ull << (sig - 1)))
        return true;
    return current->sighand && current->sighand[sig - 1].handler == sig_ign;
}

// A session whose tasks are all gone no longer holds its terminal, even if nobody
// called disassociate_ctty for it.
bool session_alive(pid_t sid)
{
    struct Search {
        pid_t sid;
        bool found;
    } search { sid, false };
    for_each_task(
        [](Task* task, void* context) {
            auto* s = static_cast<Search*>(context);
            if (task->sid == s->sid && alive(task))
                s->found = true;
        },
        &search);
    return search.found;
}

// The session of process group `pgrp`: -ESRCH when no live task is in it.
pid_t session_of_pgrp(pid_t pgrp)
{
    struct Search {
        pid_t pgrp;
        pid_t sid;
    } search { pgrp, -ESRCH };
    for_each_task(
        [](Task* task, void* context) {
            auto* s = static_cast<Search*>(context);
            if (task->pgid == s->pgrp && alive(task))
                s->sid = task->sid;
        },
        &search);
    return search.sid;
}

// Every task of session `sid` loses terminal `index`.
void session_clear_tty(pid_t sid, int index)
{
    struct Clear {
        pid_t sid;
        int index;
    } clear { sid, index };
    for_each_task(
        [](Task* task, void* context) {
            auto* c = static_cast<Clear*>(context);
            if (task->sid == c->sid && task_tty(task) == c->index)
                set_task_tty(task, tty_index_none);
        },
        &clear);
}

// The current task's session gets `tty`, with the current group in the foreground.
void set_ctty(Tty* tty)
{
    tty->session = current->sid;
    tty->pgrp = current->pgid;
    set_task_tty(current, tty->index);
}

bool is_session_leader() { return current->pid == current->sid; }

long put_int(unsigned long argument, int value)
{
    return put_user_value(value, reinterpret_cast<int __user*>(argument));
}

long tiocsctty(Tty* tty, file* f, unsigned long steal)
{
    if (is_session_leader() && task_tty(current) == tty->index)
        return 0;
    // Only a session leader without a terminal may take one.
    if (!is_session_leader() || task_tty(current) != tty_index_none)
        return -EPERM;
    bool root = current->cred.euid == 0;
    if (!(f->f_mode & FMODE_READ) && !root)
        return -EPERM;
    if (tty->session > 0 && tty->session != current->sid && session_alive(tty->session)) {
        // Another session has it: root may take it away with TIOCSCTTY(1).
        if (steal != 1 || !root)
            return -EPERM;
        session_clear_tty(tty->session, tty->index);
    }
    set_ctty(tty);
    return 0;
}

long tiocspgrp(Tty* tty, const pid_t __user* user)
{
    if (task_tty(current) != tty->index || tty->session != current->sid)
        return -ENOTTY;
    if (int error = tty_check_change(tty, SIGTTOU); error)
        return error;
    pid_t pgrp;
    if (get_user_value(pgrp, user))
        return -EFAULT;
    if (pgrp < 0)
        return -EINVAL;
    pid_t sid = session_of_pgrp(pgrp);
    if (sid < 0)
        return sid;
    if (sid != current->sid)
        return -EPERM;   // only a group of the terminal's own session
    tty->pgrp = pgrp;
    return 0;
}

} // namespace

int tty_check_change(Tty* tty, int sig)
{
    // Job control applies to a task's own controlling terminal only.
    if (task_tty(current) != tty->index)
        return 0;
    pid_t pgrp = tty->pgrp;
    if (pgrp <= 0 || current->pgid == pgrp)
        return 0;
    if (ignored_or_blocked(sig))
        return sig == SIGTTIN ? -EIO : 0;   // a background write goes ahead; a read cannot
    kill_pgrp(current->pgid, sig);
    return -ERESTARTSYS;
}

void tty_open_set_ctty(Tty* tty, file*, bool noctty)
{
    // A session leader with no terminal that opens one gets it (System V), unless O_NOCTTY.
    if (noctty || !is_session_leader() || task_tty(current) != tty_index_none)
        return;
    if (tty->session > 0 && tty->session != current->sid && session_alive(tty->session))
        return;
    set_ctty(tty);
}

long tty_jobctrl_ioctl(Tty* tty, file* f, unsigned command, unsigned long argument)
{
    switch (command) {
    case TIOCSCTTY:
        return tiocsctty(tty, f, argument);
    case TIOCNOTTY:
        if (task_tty(current) != tty->index)
            return -ENOTTY;
        if (is_session_leader())
            disassociate_ctty(false);
        else
            set_task_tty(current, tty_index_none);
        return 0;
    case TIOCGPGRP:
        if (task_tty(current) != tty->index)
            return -ENOTTY;
        return put_int(argument, tty->pgrp);
    case TIOCSPGRP:
        return tiocspgrp(tty, reinterpret_cast<const pid_t __user*>(argument));
    case TIOCGSID:
        if (task_tty(current) != tty->index || tty->session <= 0)
            return -ENOTTY;
        return put_int(argument, tty->session);
    default:
        return -ENOTTY;
    }
}

void disassociate_ctty(bool on_exit)
{
    Tty* tty = tty_by_index(task_tty(current));
    if (!tty)
        return;
    pid_t pgrp = tty->pgrp;
    // The foreground job loses its terminal: hang it up, and wake it if it was stopped.
    // An exiting leader does not signal its own group, which is going away with it.
    if (pgrp > 0 && tty->session == current->sid && !(on_exit && pgrp == current->pgid)) {
        kill_pgrp(pgrp, SIGHUP);
        kill_pgrp(pgrp, SIGCONT);
    }
    if (tty->session == current->sid) {
        tty->session = 0;
        tty->pgrp = 0;
    }
    session_clear_tty(current->sid, tty->index);
    set_task_tty(current, tty_index_none);
}
