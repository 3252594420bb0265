/* Control registers for modules (Linux's asm/special_insns.h). CR0's bit 16
 * (WP) makes read-only pages read-only for the kernel too; the module guide
 * clears it to patch sys_call_table. Linux 5.3+ pins WP in write_cr0; kernlab
 * does not (its kernel text and data are writable anyway). */
#ifndef _ASM_X86_SPECIAL_INSNS_H
#define _ASM_X86_SPECIAL_INSNS_H

#define X86_CR0_WP (1UL << 16)

static inline unsigned long read_cr0(void)
{
    unsigned long value;
    __asm__ __volatile__("mov %%cr0, %0" : "=r"(value));
    return value;
}

static inline void write_cr0(unsigned long value)
{
    __asm__ __volatile__("mov %0, %%cr0" : : "r"(value) : "memory");
}

static inline unsigned long read_cr4(void)
{
    unsigned long value;
    __asm__ __volatile__("mov %%cr4, %0" : "=r"(value));
    return value;
}

#endif
