/* Allocation flags (gfp_t). kernlab's allocators never sleep, so the flags
 * only matter for __GFP_ZERO; the values are the ones kernel/include/kernel/mm.h
 * uses (spelled identically, so both headers may be included together). */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u
#define __GFP_ZERO 0x100u
#define GFP_NOWAIT GFP_ATOMIC
#define GFP_NOIO GFP_KERNEL
#define GFP_NOFS GFP_KERNEL
#define GFP_USER GFP_KERNEL
#define GFP_HIGHUSER GFP_KERNEL
#define GFP_DMA GFP_KERNEL
#define GFP_DMA32 GFP_KERNEL
#define __GFP_NOWARN 0u
#define __GFP_HIGHMEM 0u
#define __GFP_COMP 0u

#ifdef __cplusplus
extern "C" {
#endif

/* Whole pages in the direct map, 2^order of them; 0 when out of memory. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void free_pages(unsigned long addr, unsigned int order);

#ifdef __cplusplus
}
#endif

#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define free_page(addr) free_pages((addr), 0)

#endif
