// Hardware interrupt lines (the 8259 PIC's IRQ 0-15), Linux's request_irq API.
#pragma once

#include <stdint.h>

// request_irq, free_irq, irq_handler_t...: the C API modules use too.
#include <linux/interrupt.h>

constexpr unsigned nr_irqs = 16;

// Interrupts counted per line, for /proc/interrupts.
uint64_t irq_count(unsigned int irq);
// Every handler's name on a line, ", "-separated as /proc/interrupts shows a
// shared line ("i8042, kbcount"); returns false when the line has none.
bool irq_names(unsigned int irq, char* buffer, unsigned size);
