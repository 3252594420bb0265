// The two cascaded 8259 PICs: IRQ 0-7 on the master, 8-15 on the slave (line 2).
#include <arch/idt.h>
#include <arch/x86.h>

namespace {

constexpr uint16_t master_command = 0x20, master_data = 0x21;
constexpr uint16_t slave_command = 0xA0, slave_data = 0xA1;
constexpr uint8_t icw1_init_with_icw4 = 0x11;
constexpr uint8_t icw4_8086 = 0x01;
constexpr uint8_t ocw2_eoi = 0x20;
constexpr uint8_t ocw3_read_isr = 0x0B;
constexpr unsigned cascade_irq = 2;

constinit uint16_t irq_mask = 0xFFFF;

void write_mask()
{
    arch::outb(master_data, irq_mask & 0xFF);
    arch::outb(slave_data, irq_mask >> 8);
}

} // namespace

void pic_init()
{
    arch::outb(master_command, icw1_init_with_icw4);
    arch::io_wait();
    arch::outb(slave_command, icw1_init_with_icw4);
    arch::io_wait();
    arch::outb(master_data, first_irq_vector);        // ICW2: vector offsets
    arch::io_wait();
    arch::outb(slave_data, first_irq_vector + 8);
    arch::io_wait();
    arch::outb(master_data, 1 << cascade_irq);        // ICW3: slave on line 2
    arch::io_wait();
    arch::outb(slave_data, cascade_irq);
    arch::io_wait();
    arch::outb(master_data, icw4_8086);
    arch::io_wait();
    arch::outb(slave_data, icw4_8086);
    arch::io_wait();

    irq_mask = 0xFFFF & ~(1u << cascade_irq);
    write_mask();
}

void pic_mask(unsigned irq)
{
    uint32_t flags = arch::local_irq_save();
    irq_mask |= 1u << irq;
    write_mask();
    arch::local_irq_restore(flags);
}

void pic_unmask(unsigned irq)
{
    uint32_t flags = arch::local_irq_save();
    irq_mask &= ~(1u << irq);
    write_mask();
    arch::local_irq_restore(flags);
}

void pic_send_eoi(unsigned irq)
{
    if (irq >= 8)
        arch::outb(slave_command, ocw2_eoi);
    arch::outb(master_command, ocw2_eoi);
}

bool pic_is_spurious(unsigned irq)
{
    if (irq != 7 && irq != 15)
        return false;
    uint16_t port = irq == 7 ? master_command : slave_command;
    arch::outb(port, ocw3_read_isr);
    if (arch::inb(port) & 0x80)
        return false;   // really in service
    if (irq == 15)
        arch::outb(master_command, ocw2_eoi);   // the master did see the cascade
    return true;
}
