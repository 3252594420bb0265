// Oops and panic: the report (registers, a symbolized backtrace naming module
// functions too), then the faulting task dies, or for a panic the system stops.
// With `test_exit` on the command line a panic ends QEMU with a failure code
// through the isa-debug-exit device, so tests never hang.
#include <arch/gdt.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/signal.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <libk/format.h>
#include <libk/string.h>

extern "C" char init_thread_stack[];

namespace {

constinit int oops_count = 0;
constinit bool in_panic = false;
constinit bool tainted_die = false;   // an oops happened (Linux's TAINT_DIE, 'D')

bool is_on_a_stack(uintptr_t address)
{
    if (address < arch::page_offset || (address & 3))
        return false;
    if (current && address >= reinterpret_cast<uintptr_t>(current->stack)
        && address + 8 <= reinterpret_cast<uintptr_t>(current->stack) + current->stack_size)
        return true;
    return false;
}

} // namespace

void show_regs(const pt_regs* regs)
{
    char symbol[96];
    if (!lookup_symbol(regs->ip, symbol, sizeof(symbol), true))
        libk::scnprintf(symbol, sizeof(symbol), "0x%08x", regs->ip);
    // In kernel mode the CPU pushes no esp: the stack was where the frame ends.
    uint32_t sp = user_mode(regs) ? regs->sp : reinterpret_cast<uint32_t>(&regs->sp);
    uint32_t ss = user_mode(regs) ? regs->ss : KERNEL_DS;
    printk(KERN_EMERG "EIP: %s\n", symbol);
    printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", regs->ax, regs->bx, regs->cx, regs->dx);
    printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", regs->si, regs->di, regs->bp, sp);
    printk(KERN_EMERG "DS: %04x ES: %04x FS: %04x GS: %04x SS: %04x EFLAGS: %08x\n", regs->ds & 0xFFFF,
        regs->es & 0xFFFF, regs->fs & 0xFFFF, regs->gs & 0xFFFF, ss & 0xFFFF, regs->flags);
    printk(KERN_EMERG "CR0: %08x CR2: %08x CR3: %08x CR4: %08x\n", arch::read_cr0(), arch::read_cr2(),
        arch::read_cr3(), arch::read_cr4());
}

void show_task_line()
{
    // After an oops the kernel goes on tainted 'D' (Linux's TAINT_DIE).
    printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s %s\n", current ? current->pid : 0,
        current ? current->comm : "swapper", tainted_die ? "Tainted: G      D" : "Not tainted");
}

void show_backtrace(uintptr_t ebp, uintptr_t first_ip)
{
    char symbol[96];
    printk(KERN_EMERG "Call Trace:\n");
    if (first_ip && lookup_symbol(first_ip, symbol, sizeof(symbol), true))
        printk(KERN_EMERG " [<%08lx>] %s\n", static_cast<unsigned long>(first_ip), symbol);
    // Frame pointers are on: [ebp] is the caller's ebp, [ebp+4] the return address.
    for (int depth = 0; depth < 32 && is_on_a_stack(ebp); ++depth) {
        auto* frame = reinterpret_cast<uintptr_t*>(ebp);
        uintptr_t return_address = frame[1];
        if (!lookup_return_address(return_address, symbol, sizeof(symbol)))
            break;
        printk(KERN_EMERG " [<%08lx>] %s\n", static_cast<unsigned long>(return_address), symbol);
        if (frame[0] <= ebp)
            break;   // frames must go up the stack
        ebp = frame[0];
    }
}

void die(const char* what, pt_regs* regs, uint32_t error_code)
{
    arch::local_irq_disable();
    oops_in_progress = true;
    printk(KERN_EMERG "%s: %04x [#%d]\n", what, error_code, ++oops_count);
    show_task_line();
    show_regs(regs);
    show_backtrace(regs->bp, 0);
    print_modules();
    printk(KERN_EMERG "---[ end trace %016llx ]---\n", static_cast<unsigned long long>(local_clock()));
    // Linux's oops_end: code that ran with interrupts off (an IRQ handler, a
    // spinlock holder) cannot be unwound, nor can the idle task or init; any
    // other task dies of SIGSEGV (make_task_dead) and the system goes on.
    tainted_die = true;
    bool process_context = (regs->flags & arch::eflags_if) && current && !is_idle_task(current)
        && current->pid != 1;
    if (!process_context)
        panic("Fatal exception");
    oops_in_progress = false;
    preempt_count = 0;   // whatever it held stays held, as on Linux
    arch::local_irq_enable();
    do_exit(SIGSEGV);
}

extern "C" void panic(const char* fmt, ...)
{
    arch::local_irq_disable();
    oops_in_progress = true;
    char message[256];
    va_list args;
    va_start(args, fmt);
    libk::vscnprintf(message, sizeof(message), fmt, args);
    va_end(args);

    if (in_panic) {
        // A panic while panicking: print what we can and stop.
        console_write_direct("\nrecursive panic: ", 18);
        console_write_direct(message, libk::strlen(message));
        arch::halt_forever();
    }
    in_panic = true;

    printk(KERN_EMERG "Kernel panic - not syncing: %s\n", message);
    show_task_line();
    show_backtrace(arch::current_frame_pointer(), 0);
    printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", message);

    if (boot_params.test_exit)
        qemu_test_exit(qemu_exit_panic);
    if (boot_params.panic_timeout != 0) {
        // Linux's panic=N: reboot after N seconds (at once when negative).
        if (boot_params.panic_timeout > 0) {
            printk(KERN_EMERG "Rebooting in %d seconds..\n", boot_params.panic_timeout);
            mdelay(static_cast<unsigned long>(boot_params.panic_timeout) * 1000);
        }
        machine_restart();
    }
    arch::halt_forever();
}
