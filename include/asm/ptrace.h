/* The registers an interrupt, exception or system call entry saves, as
 * handlers (kprobes, request_irq_with_regs) see them. The layout is the
 * kernel's own (kernel/include/arch/ptrace.h, built by boot/entry.asm):
 * Linux i386's struct pt_regs with the vector and error code between orig_ax
 * and ip. sp and ss are saved only for a trap from user mode; for one in
 * kernel mode the interrupted stack starts at &regs->sp (kernel_stack_pointer). */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#if defined(__cplusplus) && !defined(MODULE)
#include <arch/ptrace.h>   /* the kernel's C++ code: one definition, same layout */
#else
struct pt_regs {
    unsigned long bx, cx, dx, si, di, bp, ax;
    unsigned long ds, es, fs, gs;
    unsigned long orig_ax;
    unsigned long vector;
    unsigned long error_code;
    unsigned long ip, cs, flags;
    unsigned long sp, ss;
};

static inline int user_mode(const struct pt_regs *regs) { return (regs->cs & 3) == 3; }
#endif

#define instruction_pointer(regs) ((unsigned long)(regs)->ip)
#define instruction_pointer_set(regs, val) ((regs)->ip = (val))
#define regs_return_value(regs) ((unsigned long)(regs)->ax)
#define profile_pc(regs) instruction_pointer(regs)

/* The stack the trap interrupted: for kernel mode, where the CPU would have
 * saved sp had it changed stacks. */
static inline unsigned long kernel_stack_pointer(struct pt_regs *regs)
{
    return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

/* The n-th word on the interrupted kernel stack (0 = the top). */
static inline unsigned long regs_get_kernel_stack_nth(struct pt_regs *regs, unsigned int n)
{
    return ((unsigned long *)kernel_stack_pointer(regs))[n];
}

/* Argument n of the function a kprobe on its first instruction interrupted:
 * kernlab passes arguments on the stack (cdecl), above the return address. */
static inline unsigned long regs_get_kernel_argument(struct pt_regs *regs, unsigned int n)
{
    return regs_get_kernel_stack_nth(regs, n + 1);
}

#endif
