// do_interrupt: where every vector lands (boot/entry.asm). CPU exceptions in
// kernel mode end in an oops; IRQs go to their handlers; then, on the way out,
// the scheduler may switch tasks.
#include <arch/idt.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <linux/errno.h>
#include <linux/printk.h>

void handle_irq(unsigned irq);

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

constexpr uint32_t pf_present = 1, pf_write = 2, pf_user = 4, pf_instruction = 16;

[[noreturn]] void page_fault(pt_regs* regs)
{
    uint32_t address = arch::read_cr2();
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

void do_exception(pt_regs* regs)
{
    unsigned vector = regs->vector;
    // User-mode faults become signals with the user-space issue; until then
    // every exception is a kernel bug.
    if (vector == 14)
        page_fault(regs);
    die(exception_names[vector], regs, regs->error_code);
}

} // namespace

extern "C" void do_interrupt(pt_regs* regs)
{
    unsigned vector = regs->vector;
    if (vector < first_irq_vector) {
        do_exception(regs);
    } else if (vector < first_irq_vector + 16) {
        handle_irq(vector - first_irq_vector);
    } else {
        // int 0x80: the system call table arrives with the user-space issue.
        regs->ax = static_cast<uint32_t>(-ENOSYS);
    }

    if (need_resched && preempt_count == 0 && (regs->flags & arch::eflags_if))
        preempt_schedule_irq();
}
