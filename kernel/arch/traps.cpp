// do_interrupt: where every vector lands (boot/entry.asm). A CPU exception in
// kernel mode is an oops; in user mode it becomes a signal. IRQs go to their
// handlers, int 0x80 to the system call table. On the way back to user mode
// the task may be switched and signals delivered.
#include <arch/idt.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/signal.h>
#include <kernel/kprobes.h>
#include <kernel/oom.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/user_mm.h>
#include <linux/errno.h>
#include <linux/printk.h>

void handle_irq(unsigned irq);
uintptr_t search_exception_table(uintptr_t ip);

pt_regs* current_irq_regs = nullptr;

namespace {

constexpr const char* exception_names[32] = {
    "divide error", "debug", "NMI", "int3", "overflow", "bounds", "invalid opcode",
    "device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
    "segment not present", "stack segment", "general protection fault", "page fault",
    "reserved", "coprocessor error", "alignment check", "machine check", "SIMD exception",
    "virtualization exception", "control protection", "reserved", "reserved", "reserved",
    "reserved", "reserved", "reserved", "hypervisor injection", "VMM communication",
    "security exception", "reserved",
};

// The signal a user-mode exception turns into (Linux's traps.c choices).
constexpr int exception_signals[32] = {
    SIGFPE, SIGTRAP, SIGSEGV, SIGTRAP, SIGSEGV, SIGSEGV, SIGILL, SIGSEGV, SIGSEGV, SIGFPE, SIGSEGV,
    SIGBUS, SIGBUS, SIGSEGV, SIGSEGV, SIGSEGV, SIGFPE, SIGBUS, SIGSEGV, SIGFPE, SIGSEGV, SIGSEGV,
    SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV, SIGSEGV,
};

constexpr uint32_t pf_present = 1, pf_write = 2, pf_user = 4, pf_instruction = 16;

[[noreturn]] void kernel_page_fault_oops(pt_regs* regs, uint32_t address)
{
    uint32_t error = regs->error_code;
    if (address < arch::page_size)
        printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %08x\n", address);
    else
        printk(KERN_ALERT "BUG: unable to handle page fault for address: %08x\n", address);
    printk(KERN_ALERT "#PF: %s %s in %s mode\n", (error & pf_user) ? "user" : "supervisor",
        (error & pf_instruction) ? "instruction fetch" : (error & pf_write) ? "write access" : "read access",
        (error & pf_user) ? "user" : "kernel");
    printk(KERN_ALERT "#PF: error_code(0x%04x) - %s\n", error,
        (error & pf_present) ? "protection violation" : "not-present page");
    die("Oops", regs, error);
}

void page_fault(pt_regs* regs)
{
    uint32_t address = arch::read_cr2();
    bool write = regs->error_code & pf_write;
    // Interrupts were off through the gate; resolving a fault may allocate.
    bool can_sleep = (regs->flags & arch::eflags_if) && preempt_count == 0;
    if (regs->flags & arch::eflags_if)
        arch::local_irq_enable();
    VmFault fault = VmFault::SigSegv;
    if (address < TASK_SIZE && current->mm && !(regs->error_code & pf_present && !write)) {
        // No memory: the OOM killer frees some (or picks us), then the fault is tried again.
        // A bounded number of times: an allocation that keeps failing with memory free is a fault injected.
        for (int tries = 0; (fault = handle_mm_fault(current->mm, address, write)) == VmFault::Oom && tries < 64
             && out_of_memory(can_sleep);
             ++tries) {
        }
    }
    arch::local_irq_disable();
    if (fault == VmFault::Done)
        return;
    // Chosen by the OOM killer: SIGKILL is pending, and we leave through it (a
    // copy to user space returns -EFAULT first).
    bool oom_killed = fault == VmFault::Oom
        && ((current->pending_signals & (uint64_t { 1 } << (SIGKILL - 1))) || (current->signal && current->signal->group_exit));

    if (!user_mode(regs)) {
        // A copy to or from user memory that hit a bad address: -EFAULT, not an oops.
        if (uintptr_t fixup = search_exception_table(regs->ip)) {
            regs->ip = fixup;
            return;
        }
        kernel_page_fault_oops(regs, address);
    }
    if (oom_killed)
        return;
    printk(KERN_INFO "%s[%d]: segfault at %x ip %08x sp %08x error %x\n", current->comm, current->pid, address,
        regs->ip, regs->sp, regs->error_code);
    force_sig(SIGSEGV);
}

void do_exception(pt_regs* regs)
{
    unsigned vector = regs->vector;
    if (vector == 14) {
        page_fault(regs);
        return;
    }
    // A kprobe's int3, and the single step after it (kernel/arch/kprobes.cpp).
    if (vector == 3 && !user_mode(regs) && kprobe_int3_handler(regs))
        return;
    if (vector == 1 && !user_mode(regs) && kprobe_debug_handler(regs))
        return;
    if (!user_mode(regs)) {
        // A stale user segment selector on the way out of the kernel (boot/entry.asm):
        // #GP for a descriptor that is no data segment, #NP for a not-present
        // one (set_thread_area with seg_not_present), #SS for a bad stack one.
        bool segment_fault = vector == 11 || vector == 12 || vector == 13;
        if (uintptr_t fixup = segment_fault ? search_exception_table(regs->ip) : 0) {
            // This frame saved the live %fs/%gs, which may be the stale selector
            // itself: returning through it would fault again, forever. Every
            // fixup site loads the wanted values after it, so null them here.
            regs->fs = regs->gs = 0;
            regs->ip = fixup;
            return;
        }
        die(exception_names[vector], regs, regs->error_code);
    }
    printk(KERN_INFO "traps: %s[%d] trap %s ip:%x sp:%x error:%x\n", current->comm, current->pid,
        exception_names[vector], regs->ip, regs->sp, regs->error_code);
    force_sig(exception_signals[vector]);
}

} // namespace

void exit_to_user_mode(pt_regs* regs)
{
    for (;;) {
        arch::local_irq_disable();
        if (need_resched) {
            arch::local_irq_enable();
            schedule();
            continue;
        }
        if (signal_pending(current)) {
            arch::local_irq_enable();
            do_signal(regs);
            arch::local_irq_disable();
            if (!signal_pending(current) && !need_resched)
                break;
            continue;
        }
        break;
    }
}

extern "C" void do_interrupt(pt_regs* regs)
{
    unsigned vector = regs->vector;
    pt_regs* previous_irq_regs = current_irq_regs;
    current_irq_regs = regs;
    if (vector < first_irq_vector)
        do_exception(regs);
    else if (vector < first_irq_vector + 16)
        handle_irq(vector - first_irq_vector);
    else
        do_syscall(regs);
    current_irq_regs = previous_irq_regs;

    if (user_mode(regs))
        exit_to_user_mode(regs);
    else if (need_resched && preempt_count == 0 && (regs->flags & arch::eflags_if))
        preempt_schedule_irq();
}
