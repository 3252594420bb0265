// kprobes on x86 (Linux's arch/x86/kernel/kprobes): register_kprobe writes
// int3 over the first byte of a function. When it traps, the pre_handlers
// run; then the original byte goes back and the CPU steps that one
// instruction with TF set and interrupts off; the debug trap after it runs
// the post_handlers and writes int3 again. Stepping in place, not a copy as
// Linux does, needs no instruction decoder (nor fixing up relative jumps):
// on kernlab's one CPU, with interrupts off, nothing else can pass the probe
// while it is disarmed for that one instruction.
#include <arch/x86.h>
#include <kernel/kallsyms.h>
#include <kernel/kprobes.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/mutex.h>

namespace {

constexpr uint8_t int3 = BREAKPOINT_INSTRUCTION;
constexpr uint32_t eflags_tf = 1u << 8;

// Registered probes; several may share an address. Changed with interrupts
// off, so the traps (interrupt gates) always see a whole list.
constinit list_head kprobe_list = LIST_HEAD_INIT(kprobe_list);
struct mutex kprobe_mutex = __MUTEX_INITIALIZER(kprobe_mutex);

// Whose handlers run now (Linux's current_kprobe): a probe hit meanwhile is
// stepped without handlers and counted in nmissed.
constinit kprobe* running = nullptr;
// The probe whose instruction is being single-stepped, and whether it runs
// the post_handlers afterwards.
constinit kprobe* stepping = nullptr;
constinit bool stepping_with_handlers = false;
constinit uint32_t stepping_saved_if = 0;

// The trap path must never hit a probe: these, and the entry code, refuse one.
constexpr const char* trap_path[] = {
    "do_interrupt", "do_exception", "ret_from_interrupt", "interrupt_entry_table",
    "kprobe_int3_handler", "kprobe_debug_handler",
};

// Helpers the traps use are inlined into them, so nothing they call can be probed.
[[gnu::always_inline]] inline kprobe* first_probe_at(uintptr_t address)
{
    kprobe* p;
    list_for_each_entry(p, &kprobe_list, list)
        if (reinterpret_cast<uintptr_t>(p->addr) == address)
            return p;
    return nullptr;
}

[[gnu::always_inline]] inline void poke(uintptr_t address, uint8_t value)
{
    *reinterpret_cast<volatile uint8_t*>(address) = value;
}

// Restores the probed byte and lets the CPU run that instruction alone.
[[gnu::always_inline]] inline void begin_step(kprobe* p, pt_regs* regs, bool with_handlers)
{
    uintptr_t address = reinterpret_cast<uintptr_t>(p->addr);
    poke(address, p->opcode);
    regs->ip = address;
    stepping = p;
    stepping_with_handlers = with_handlers;
    stepping_saved_if = regs->flags & arch::eflags_if;
    regs->flags = (regs->flags | eflags_tf) & ~arch::eflags_if;
}

// The first byte of a function may not be an instruction that reads or
// writes the flags or returns through them: stepped in place with TF set and
// IF clear, it would see or keep the wrong ones.
bool steppable(uint8_t opcode)
{
    switch (opcode) {
    case 0x9c: // pushf
    case 0x9d: // popf
    case 0xcf: // iret
    case 0xfa: // cli
    case 0xfb: // sti
    case 0xcc: // int3
    case 0xcd: // int n
    case 0xce: // into
    case 0xf1: // int1
        return false;
    default:
        return true;
    }
}

bool on_trap_path(uintptr_t address)
{
    for (const char* name : trap_path)
        if (kernel_kallsyms_lookup_name(name) == address)
            return true;
    return false;
}

// Takes p out of the list; the last probe at its address puts the byte back.
void disarm(kprobe* p, bool restore)
{
    uint32_t flags = arch::local_irq_save();
    list_del(&p->list);
    INIT_LIST_HEAD(&p->list);
    uintptr_t address = reinterpret_cast<uintptr_t>(p->addr);
    if (restore && !first_probe_at(address))
        poke(address, p->opcode);
    arch::local_irq_restore(flags);
}

bool within(uintptr_t value, uintptr_t start, size_t size) { return value >= start && value - start < size; }

} // namespace

bool kprobe_int3_handler(pt_regs* regs)
{
    uintptr_t address = regs->ip - 1;
    kprobe* first = first_probe_at(address);
    if (!first) {
        // Someone else's int3 (or none left there): not ours to handle.
        if (*reinterpret_cast<volatile uint8_t*>(address) != int3) {
            regs->ip = address;   // a probe removed before this trap ran: run the real instruction
            return true;
        }
        return false;
    }
    if (running || stepping) {
        kprobe* p;
        list_for_each_entry(p, &kprobe_list, list)
            if (reinterpret_cast<uintptr_t>(p->addr) == address)
                ++p->nmissed;
        begin_step(first, regs, false);
        return true;
    }
    // As on Linux x86, the pre_handlers see ip just past the int3.
    running = first;
    kprobe* p;
    list_for_each_entry(p, &kprobe_list, list) {
        if (reinterpret_cast<uintptr_t>(p->addr) != address || kprobe_disabled(p) || !p->pre_handler)
            continue;
        if (p->pre_handler(p, regs)) {
            running = nullptr;   // the handler moved ip: no step, no post_handler
            return true;
        }
    }
    begin_step(first, regs, true);
    return true;
}

bool kprobe_debug_handler(pt_regs* regs)
{
    kprobe* p = stepping;
    if (!p)
        return false;
    uintptr_t address = reinterpret_cast<uintptr_t>(p->addr);
    regs->flags = (regs->flags & ~eflags_tf) | stepping_saved_if;
    bool with_handlers = stepping_with_handlers;
    stepping = nullptr;
    poke(address, int3);
    if (!with_handlers)
        return true;
    kprobe* q;
    list_for_each_entry(q, &kprobe_list, list)
        if (reinterpret_cast<uintptr_t>(q->addr) == address && !kprobe_disabled(q) && q->post_handler)
            q->post_handler(q, regs, 0);
    running = nullptr;
    return true;
}

void kprobes_module_going(uintptr_t start, size_t size)
{
    mutex_lock(&kprobe_mutex);
    kprobe *p, *next;
    list_for_each_entry_safe(p, next, &kprobe_list, list) {
        bool probed_here = within(reinterpret_cast<uintptr_t>(p->addr), start, size);
        if (probed_here || within(reinterpret_cast<uintptr_t>(p), start, size)
            || within(reinterpret_cast<uintptr_t>(p->pre_handler), start, size)
            || within(reinterpret_cast<uintptr_t>(p->post_handler), start, size)) {
            disarm(p, !probed_here);   // the module's own code is freed anyway
            p->flags |= KPROBE_FLAG_GONE;
        }
    }
    mutex_unlock(&kprobe_mutex);
}

extern "C" int register_kprobe(struct kprobe* p)
{
    if (!p || (p->symbol_name && p->addr) || (!p->symbol_name && !p->addr))
        return -EINVAL;
    uintptr_t address = reinterpret_cast<uintptr_t>(p->addr);
    if (p->symbol_name) {
        address = kallsyms_lookup_name(p->symbol_name);
        if (!address)
            return -ENOENT;
    }
    address += p->offset;
    mutex_lock(&kprobe_mutex);
    int error = 0;
    kprobe* q;
    list_for_each_entry(q, &kprobe_list, list)
        if (q == p)
            error = -EBUSY;
    bool in_kernel = kernel_text_address(address);
    if (!error && on_trap_path(address))
        error = -EINVAL;
    else if (!error && in_kernel && !kernel_function_start(address))
        error = -EILSEQ;
    else if (!error && !in_kernel && !module_function_start(address))
        error = -EINVAL;   // not code, or inside a module function
    if (error) {
        mutex_unlock(&kprobe_mutex);
        return error;
    }
    p->addr = reinterpret_cast<kprobe_opcode_t*>(address);
    p->nmissed = 0;
    p->flags &= KPROBE_FLAG_DISABLED;
    uint32_t flags = arch::local_irq_save();
    kprobe* sharing = first_probe_at(address);
    p->opcode = sharing ? sharing->opcode : *reinterpret_cast<volatile uint8_t*>(address);
    if (!sharing && !steppable(p->opcode)) {
        arch::local_irq_restore(flags);
        mutex_unlock(&kprobe_mutex);
        return -EINVAL;
    }
    list_add_tail(&p->list, &kprobe_list);
    poke(address, int3);
    arch::local_irq_restore(flags);
    mutex_unlock(&kprobe_mutex);
    return 0;
}

extern "C" void unregister_kprobe(struct kprobe* p)
{
    mutex_lock(&kprobe_mutex);
    kprobe* q;
    list_for_each_entry(q, &kprobe_list, list) {
        if (q == p) {
            disarm(p, true);
            break;
        }
    }
    mutex_unlock(&kprobe_mutex);
}

extern "C" int register_kprobes(struct kprobe** kps, int num)
{
    for (int i = 0; i < num; ++i) {
        if (int error = register_kprobe(kps[i])) {
            while (i--)
                unregister_kprobe(kps[i]);
            return error;
        }
    }
    return 0;
}

extern "C" void unregister_kprobes(struct kprobe** kps, int num)
{
    for (int i = 0; i < num; ++i)
        unregister_kprobe(kps[i]);
}

extern "C" int disable_kprobe(struct kprobe* p)
{
    if (kprobe_gone(p))
        return -EINVAL;
    p->flags |= KPROBE_FLAG_DISABLED;
    return 0;
}

extern "C" int enable_kprobe(struct kprobe* p)
{
    if (kprobe_gone(p))
        return -EINVAL;
    p->flags &= ~KPROBE_FLAG_DISABLED;
    return 0;
}

EXPORT_SYMBOL_GPL(register_kprobe);
EXPORT_SYMBOL_GPL(unregister_kprobe);
EXPORT_SYMBOL_GPL(register_kprobes);
EXPORT_SYMBOL_GPL(unregister_kprobes);
EXPORT_SYMBOL_GPL(disable_kprobe);
EXPORT_SYMBOL_GPL(enable_kprobe);
