/* Mapping a page to reach its bytes (Linux's highmem API). kernlab has no
 * high memory: every page a driver is handed is mapped already (a struct
 * page * is its address, linux/mm.h), so these return page_address() and
 * unmapping has nothing to undo. C-compatible. */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/bio.h>
#include <linux/mm.h>
#include <linux/string.h>

static inline void *kmap(struct page *page) { return page_address(page); }
static inline void kunmap(struct page *page) { (void)page; }
static inline void *kmap_atomic(struct page *page) { return page_address(page); }
#define kunmap_atomic(address) ((void)(address))
static inline void *kmap_local_page(struct page *page) { return page_address(page); }
#define kunmap_local(address) ((void)(address))

static inline void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)
{
    memcpy(to, (char *)page_address(page) + offset, len);
}
static inline void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)
{
    memcpy((char *)page_address(page) + offset, from, len);
}
static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
    memset((char *)page_address(page) + offset, 0, len);
}
static inline void clear_highpage(struct page *page) { memset(page_address(page), 0, PAGE_SIZE); }

/* A bio segment's bytes (Linux's linux/bvec.h helper). */
static inline void *bvec_kmap_local(struct bio_vec *bvec)
{
    return (char *)page_address(bvec->bv_page) + bvec->bv_offset;
}

#endif
