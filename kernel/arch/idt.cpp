// The IDT: vectors 0-31 (exceptions) and 32-47 (IRQs) point at the stubs in
// boot/entry.asm; 0x80 is the system call gate, callable from ring 3.
#include <arch/gdt.h>
#include <arch/idt.h>

extern "C" const uint32_t interrupt_entry_table[49];

namespace {

struct [[gnu::packed]] IdtEntry {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t zero;
    uint8_t type_attributes;
    uint16_t offset_high;
};

struct [[gnu::packed]] IdtPointer {
    uint16_t limit;
    uint32_t base;
};

constexpr uint8_t interrupt_gate = 0x8E;          // present, ring 0, 32-bit interrupt gate
constexpr uint8_t user_interrupt_gate = 0xEE;     // same, but int from ring 3 allowed

constinit IdtEntry idt[256] alignas(8) = {};

void set_gate(unsigned vector, uint32_t handler, uint8_t type)
{
    idt[vector] = { static_cast<uint16_t>(handler & 0xFFFF), KERNEL_CS, 0, type,
        static_cast<uint16_t>(handler >> 16) };
}

} // namespace

void idt_init()
{
    for (unsigned vector = 0; vector < 48; ++vector)
        set_gate(vector, interrupt_entry_table[vector], interrupt_gate);
    set_gate(syscall_vector, interrupt_entry_table[48], user_interrupt_gate);

    IdtPointer pointer { sizeof(idt) - 1, reinterpret_cast<uint32_t>(idt) };
    asm volatile("lidt %0" : : "m"(pointer));
}
