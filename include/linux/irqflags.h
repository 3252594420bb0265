/* Turning interrupts off and on around a critical section (local_irq_save...).
 * The kernel's own C++ uses arch::local_irq_save() instead: these function-like
 * macros would clash with those names, so they exist for modules and C only. */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#if !defined(__cplusplus) || defined(MODULE)

#define X86_EFLAGS_IF 0x00000200UL

static inline unsigned long arch_local_save_flags(void)
{
    unsigned long flags;
    __asm__ __volatile__("pushfl; popl %0" : "=r"(flags) : : "memory");
    return flags;
}

static inline unsigned long arch_local_irq_save(void)
{
    unsigned long flags = arch_local_save_flags();
    __asm__ __volatile__("cli" : : : "memory");
    return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
    if (flags & X86_EFLAGS_IF)
        __asm__ __volatile__("sti" : : : "memory");
}

#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable() __asm__ __volatile__("cli" : : : "memory")
#define local_irq_enable() __asm__ __volatile__("sti" : : : "memory")
#define local_save_flags(flags) do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled() (!(arch_local_save_flags() & X86_EFLAGS_IF))

#endif

#endif
