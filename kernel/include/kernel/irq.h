// Hardware interrupt lines (the 8259 PIC's IRQ 0-15), Linux's request_irq API.
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int irq, void* dev_id);

#define IRQF_SHARED 0x00000080

// Installs `handler` on line `irq` and unmasks it. Several handlers may share a
// line when all pass IRQF_SHARED. Returns 0 or -errno (-EINVAL, -EBUSY, -ENOMEM).
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char* name, void* dev_id);
void free_irq(unsigned int irq, void* dev_id);

void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

#ifdef __cplusplus
}
#endif

constexpr unsigned nr_irqs = 16;

// Interrupts counted per line, for /proc/interrupts.
uint64_t irq_count(unsigned int irq);
// Name of the first handler on a line, or nullptr when none.
const char* irq_name(unsigned int irq);
