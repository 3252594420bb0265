// Signals: sending, and delivery on the way back to user mode (Linux i386
// semantics: default actions, handlers with an rt signal frame, masks).
#pragma once

#include <kernel/sched.h>

struct pt_regs;

// Queues `sig` for `task` and wakes it if it sleeps interruptibly. 0 or -errno.
// The kernel is the sender (SI_KERNEL).
int send_signal(Task* task, int sig);
// The same with the sender recorded for siginfo_t (si_code, si_pid, si_uid).
int send_signal_from(Task* task, int sig, int si_code, pid_t pid, uid_t uid);
// Sends to the thread group of `task` (kill(2)): any thread not blocking `sig`
// takes it; a fatal signal kills every thread. 0 or -errno.
int send_group_signal(Task* task, int sig, int si_code, pid_t pid, uid_t uid);
// Sends to every process in process group `pgid`; -ESRCH when there is none.
int kill_pgrp(pid_t pgid, int sig);
// A fault in user mode (SIGSEGV, SIGILL, SIGFPE, SIGBUS): delivered even if
// blocked or ignored, as Linux's force_sig does.
void force_sig(int sig);
// Whether `task` has a signal that is pending and not blocked.
bool signal_pending(const Task* task);
// Delivers pending signals before returning to user mode with `regs`.
void do_signal(pt_regs* regs);

// The mask of sigsuspend, pselect6 and ppoll: swapped in from user space for
// the wait (-EINVAL unless `sigsetsize` is 8, -EFAULT), and put back when the
// call returns, or after the handler if a signal interrupted it (Linux's
// set_user_sigmask / restore_saved_sigmask_unless).
int set_user_sigmask(const uint64_t __user* mask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);

// Signal handlers, shared by CLONE_SIGHAND (kernel/process/thread_group.cpp):
// 64 zeroed actions with one reference; the last put frees them.
SignalAction* sighand_alloc();
void sighand_get(SignalAction* actions);
void sighand_put(SignalAction* actions);

// exit_group, or a fatal signal: every thread of the group exits with `code`.
[[noreturn]] void do_group_exit(int code);
// Sends SIGKILL to every thread of current's group but current.
void zap_other_threads(Task* task);
