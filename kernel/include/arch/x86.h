// The one header through which generic kernel code reaches the x86 CPU:
// port I/O, interrupt flag, control registers, halting.
#pragma once

#include <stdint.h>

namespace arch {

inline void outb(uint16_t port, uint8_t value) { asm volatile("outb %0, %1" : : "a"(value), "Nd"(port)); }
inline void outw(uint16_t port, uint16_t value) { asm volatile("outw %0, %1" : : "a"(value), "Nd"(port)); }
inline void outl(uint16_t port, uint32_t value) { asm volatile("outl %0, %1" : : "a"(value), "Nd"(port)); }
inline uint8_t inb(uint16_t port)
{
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
inline uint16_t inw(uint16_t port)
{
    uint16_t value;
    asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
inline uint32_t inl(uint16_t port)
{
    uint32_t value;
    asm volatile("inl %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
// A write to an unused port takes about a microsecond: the classic delay for old chips (PIC).
inline void io_wait() { outb(0x80, 0); }

constexpr uint32_t eflags_if = 1u << 9;

inline uint32_t read_eflags()
{
    uint32_t flags;
    asm volatile("pushfl; popl %0" : "=r"(flags) : : "memory");
    return flags;
}
inline void local_irq_disable() { asm volatile("cli" : : : "memory"); }
inline void local_irq_enable() { asm volatile("sti" : : : "memory"); }
inline bool irqs_enabled() { return read_eflags() & eflags_if; }
// Disables interrupts and returns the previous EFLAGS, for local_irq_restore().
inline uint32_t local_irq_save()
{
    uint32_t flags = read_eflags();
    local_irq_disable();
    return flags;
}
inline void local_irq_restore(uint32_t flags)
{
    if (flags & eflags_if)
        local_irq_enable();
}

inline void halt() { asm volatile("hlt" : : : "memory"); }
// Enable interrupts and halt in one go: an interrupt between the two cannot be missed.
inline void safe_halt() { asm volatile("sti; hlt" : : : "memory"); }
[[noreturn]] inline void halt_forever()
{
    for (;;)
        asm volatile("cli; hlt" : : : "memory");
}

inline uint32_t read_cr0() { uint32_t v; asm volatile("mov %%cr0, %0" : "=r"(v)); return v; }
inline uint16_t read_fs() { uint16_t v; asm volatile("mov %%fs, %0" : "=r"(v)); return v; }
inline uint16_t read_gs() { uint16_t v; asm volatile("mov %%gs, %0" : "=r"(v)); return v; }
inline uint32_t read_cr2() { uint32_t v; asm volatile("mov %%cr2, %0" : "=r"(v)); return v; }
inline uint32_t read_cr3() { uint32_t v; asm volatile("mov %%cr3, %0" : "=r"(v)); return v; }
inline uint32_t read_cr4() { uint32_t v; asm volatile("mov %%cr4, %0" : "=r"(v)); return v; }
inline void write_cr3(uint32_t v) { asm volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
inline void write_cr4(uint32_t v) { asm volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }
inline void invlpg(uintptr_t address) { asm volatile("invlpg (%0)" : : "r"(address) : "memory"); }

inline uint64_t rdtsc()
{
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (static_cast<uint64_t>(high) << 32) | low;
}

inline uintptr_t current_frame_pointer()
{
    uintptr_t ebp;
    asm volatile("mov %%ebp, %0" : "=r"(ebp));
    return ebp;
}

// Kernel virtual base: low physical memory is mapped at 0xC0000000 (design.md).
constexpr uintptr_t page_offset = 0xC0000000;
constexpr uint32_t page_size = 4096;

inline void* phys_to_virt(uintptr_t phys) { return reinterpret_cast<void*>(phys + page_offset); }
inline uintptr_t virt_to_phys(const void* virt) { return reinterpret_cast<uintptr_t>(virt) - page_offset; }

} // namespace arch
