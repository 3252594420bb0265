/* IRQ line descriptions (Linux's linux/irq.h): the trigger types a line can
 * have, and the request/free API through linux/interrupt.h, which Linux's
 * irq.h brings in as well. kernlab's lines are the PIC's, edge-triggered. */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/interrupt.h>

/* The trigger types, with the values of the IRQF_TRIGGER_* flags (Linux's irq_type). */
#define IRQ_TYPE_NONE 0x00000000
#define IRQ_TYPE_EDGE_RISING 0x00000001
#define IRQ_TYPE_EDGE_FALLING 0x00000002
#define IRQ_TYPE_EDGE_BOTH (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH 0x00000004
#define IRQ_TYPE_LEVEL_LOW 0x00000008
#define IRQ_TYPE_LEVEL_MASK (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK 0x0000000f

#endif
