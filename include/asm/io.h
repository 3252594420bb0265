/* Address conversions and port I/O for drivers (i386): low memory is mapped at
 * PAGE_OFFSET, so kernel and physical addresses differ by a constant. */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

#define PAGE_OFFSET 0xC0000000UL

/* Only for the direct map (kmalloc, __get_free_pages), not for vmalloc memory. */
static inline phys_addr_t virt_to_phys(volatile void *address)
{
    return (phys_addr_t)((unsigned long)address - PAGE_OFFSET);
}

static inline void *phys_to_virt(phys_addr_t address)
{
    return (void *)((unsigned long)address + PAGE_OFFSET);
}

#define __pa(x) ((unsigned long)(x) - PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))

/* Port I/O, as Linux names it: outb(value, port). */
static inline void outb(u8 value, u16 port) { __asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port)); }
static inline void outw(u16 value, u16 port) { __asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port)); }
static inline void outl(u32 value, u16 port) { __asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 v; __asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16 inw(u16 port) { u16 v; __asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32 inl(u16 port) { u32 v; __asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline void outb_p(u8 value, u16 port) { outb(value, port); outb(0, 0x80); }
static inline u8 inb_p(u16 port) { u8 v = inb(port); outb(0, 0x80); return v; }

/* Memory-mapped I/O through a kernel pointer (ioremap'ed or direct-mapped). */
static inline u8 readb(const volatile void __iomem *addr) { return *(const volatile u8 *)addr; }
static inline u16 readw(const volatile void __iomem *addr) { return *(const volatile u16 *)addr; }
static inline u32 readl(const volatile void __iomem *addr) { return *(const volatile u32 *)addr; }
static inline void writeb(u8 value, volatile void __iomem *addr) { *(volatile u8 *)addr = value; }
static inline void writew(u16 value, volatile void __iomem *addr) { *(volatile u16 *)addr = value; }
static inline void writel(u32 value, volatile void __iomem *addr) { *(volatile u32 *)addr = value; }

#endif
