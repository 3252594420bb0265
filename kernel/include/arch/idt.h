// The interrupt descriptor table and the 8259 PIC.
#pragma once

#include <stdint.h>

constexpr unsigned first_irq_vector = 32;     // IRQ 0-15 are remapped to vectors 32-47
constexpr unsigned syscall_vector = 0x80;

void idt_init();
void pic_init();                              // remaps the PICs, masks every line
void pic_mask(unsigned irq);
void pic_unmask(unsigned irq);
void pic_send_eoi(unsigned irq);
bool pic_is_spurious(unsigned irq);           // IRQ 7/15 raised by noise, not a device
