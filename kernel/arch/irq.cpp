// IRQ lines: handler chains per line, request_irq/free_irq, counts for /proc/interrupts.
#include <arch/idt.h>
#include <arch/ptrace.h>
#include <kernel/irq.h>
#include <kernel/spinlock.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <kernel/mm.h>
#include <libk/string.h>

extern pt_regs* current_irq_regs;   // traps.cpp: what the interrupt interrupted

namespace {

struct IrqAction {
    irq_handler_t handler;
    irq_handler_regs_t handler_regs;   // a 2.6-style handler instead, or nullptr
    unsigned long flags;
    const char* name;
    void* dev_id;
    IrqAction* next;
};

struct IrqLine {
    IrqAction* actions;
    uint64_t count;
    unsigned disable_depth;
};

constinit IrqLine lines[nr_irqs] = {};
constinit SpinLock irq_lock;

} // namespace

namespace {

int add_action(unsigned int irq, irq_handler_t handler, irq_handler_regs_t handler_regs, unsigned long flags,
    const char* name, void* dev_id)
{
    if (irq >= nr_irqs || (!handler && !handler_regs))
        return -EINVAL;
    auto* action = static_cast<IrqAction*>(kmalloc(sizeof(IrqAction), GFP_KERNEL));
    if (!action)
        return -ENOMEM;
    *action = { handler, handler_regs, flags, name, dev_id, nullptr };

    SpinLockGuard guard(irq_lock);
    IrqLine& line = lines[irq];
    if (line.actions && !((line.actions->flags & IRQF_SHARED) && (flags & IRQF_SHARED))) {
        kfree(action);
        return -EBUSY;
    }
    IrqAction** tail = &line.actions;
    while (*tail)
        tail = &(*tail)->next;
    *tail = action;
    if (line.disable_depth == 0)
        pic_unmask(irq);
    return 0;
}

} // namespace

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char* name, void* dev_id)
{
    return add_action(irq, handler, nullptr, flags, name, dev_id);
}

int request_irq_with_regs(unsigned int irq, irq_handler_regs_t handler, unsigned long flags, const char* name,
    void* dev_id)
{
    return add_action(irq, nullptr, handler, flags, name, dev_id);
}

void free_irq(unsigned int irq, void* dev_id)
{
    if (irq >= nr_irqs)
        return;
    IrqAction* removed = nullptr;
    {
        SpinLockGuard guard(irq_lock);
        for (IrqAction** link = &lines[irq].actions; *link; link = &(*link)->next) {
            if ((*link)->dev_id == dev_id) {
                removed = *link;
                *link = removed->next;
                break;
            }
        }
        if (!lines[irq].actions)
            pic_mask(irq);
    }
    if (!removed)
        pr_warn("Trying to free already-free IRQ %u\n", irq);
    kfree(removed);
}

void disable_irq(unsigned int irq)
{
    if (irq >= nr_irqs)
        return;
    SpinLockGuard guard(irq_lock);
    if (lines[irq].disable_depth++ == 0)
        pic_mask(irq);
}

void enable_irq(unsigned int irq)
{
    if (irq >= nr_irqs)
        return;
    SpinLockGuard guard(irq_lock);
    if (lines[irq].disable_depth > 0 && --lines[irq].disable_depth == 0 && lines[irq].actions)
        pic_unmask(irq);
}

uint64_t irq_count(unsigned int irq)
{
    return irq < nr_irqs ? lines[irq].count : 0;
}

bool irq_names(unsigned int irq, char* buffer, unsigned size)
{
    if (irq >= nr_irqs || size == 0)
        return false;
    SpinLockGuard guard(irq_lock);
    buffer[0] = '\0';
    for (IrqAction* action = lines[irq].actions; action; action = action->next) {
        if (action != lines[irq].actions)
            libk::strlcat(buffer, ", ", size);
        libk::strlcat(buffer, action->name ? action->name : "?", size);
    }
    return lines[irq].actions != nullptr;
}

// Runs with interrupts disabled (interrupt gate); the EOI goes out after the
// handlers, so the same line cannot nest.
void handle_irq(unsigned irq)
{
    if (pic_is_spurious(irq))
        return;
    IrqLine& line = lines[irq];
    ++line.count;
    bool handled = false;
    for (IrqAction* action = line.actions; action; action = action->next) {
        irqreturn_t result = action->handler_regs
            ? action->handler_regs(static_cast<int>(irq), action->dev_id, current_irq_regs)
            : action->handler(static_cast<int>(irq), action->dev_id);
        handled |= result == IRQ_HANDLED;
    }
    pic_send_eoi(irq);
    if (!handled && !line.actions)
        pr_debug("irq %u: nobody cared\n", irq);
}
