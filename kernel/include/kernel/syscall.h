// System call entry: the dispatcher, and what syscall code needs to reach the
// caller's saved registers.
#pragma once

#include <kernel/sched.h>

struct pt_regs;

// Runs the system call in regs->orig_ax and stores its result in regs->ax.
void do_syscall(pt_regs* regs);

// The user registers saved at the top of a task's kernel stack.
pt_regs* task_pt_regs(const Task* task);
inline pt_regs* current_pt_regs() { return task_pt_regs(current); }

// Before returning to user mode: reschedule if asked, deliver signals.
void exit_to_user_mode(pt_regs* regs);

// execve from the kernel (kernel_init starting init): on success the current
// task's pt_regs hold the new program; leave with enter_user_mode(). -errno otherwise.
int kernel_execve(const char* path, const char* const* argv, const char* const* envp);
extern "C" [[noreturn]] void enter_user_mode(pt_regs* regs);
