/* Virtually contiguous memory for big buffers (a RAM disk): pages from the page
 * allocator mapped side by side in the vmalloc area of every address space. */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *address);

#ifdef __cplusplus
}
#endif

static inline void *vmalloc_user(unsigned long size) { return vzalloc(size); }
static inline void *vmalloc_32(unsigned long size) { return vmalloc(size); }

#endif
