/* The processor for modules (Linux's asm/processor.h): its special
 * instructions, and cpu_relax for busy-wait loops. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <asm/special_insns.h>

static inline void cpu_relax(void) { __asm__ __volatile__("pause" : : : "memory"); }

#endif
