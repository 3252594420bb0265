/* Memory for drivers: pages, address conversions, and what an mmap handler
 * needs (remap_pfn_range, vm_area_struct). kernlab has no struct page array:
 * a "struct page *" here is the page's own direct-map address, which keeps
 * virt_to_page/page_to_pfn/page_address exact for direct-mapped memory. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/io.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/types.h>

struct page;

static inline struct page *virt_to_page(const void *address)
{
    return (struct page *)((unsigned long)address & PAGE_MASK);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
    return __pa(page) >> PAGE_SHIFT;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
    return (struct page *)__va(pfn << PAGE_SHIFT);
}

static inline void *page_address(const struct page *page)
{
    return (void *)page;
}

#define virt_to_pfn(address) (__pa(address) >> PAGE_SHIFT)
#define page_to_virt(page) page_address(page)
#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

/* Page flags and reference counts: kernlab's pages are never swapped or
 * reclaimed, so what course mmap code marks and counts needs no bookkeeping. */
static inline void SetPageReserved(struct page *page) { (void)page; }
static inline void ClearPageReserved(struct page *page) { (void)page; }
static inline int PageReserved(const struct page *page) { (void)page; return 0; }
static inline void get_page(struct page *page) { (void)page; }
static inline void put_page(struct page *page) { (void)page; }

#define PAGE_SHARED __pgprot(0x7)   /* present | writable | user */
#define PAGE_READONLY __pgprot(0x5)
#define PAGE_KERNEL __pgprot(0x3)
#define pgprot_noncached(prot) (prot)
#define pgprot_writecombine(prot) (prot)

#ifdef __cplusplus
extern "C" {
#endif

/* Maps the physical pages from `pfn` at `address` (in vma) for `size` bytes,
 * the way an mmap handler hands a kernel buffer to user space. 0 or -errno. */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long address, unsigned long pfn, unsigned long size,
    pgprot_t prot);

#ifdef __cplusplus
}
#endif

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
    return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

#endif
