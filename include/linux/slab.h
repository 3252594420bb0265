/* The kernel heap: kmalloc and friends, and kmem_cache for many objects of one
 * size. Sizes up to a page come from slabs, larger ones from whole pages. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
/* Resizes, keeping the contents; krealloc(NULL, ...) is kmalloc. */
void *krealloc(const void *pointer, size_t size, gfp_t flags);
void kfree(const void *pointer);
/* The usable size of an allocation (at least what was asked for). */
size_t ksize(const void *pointer);

/* A cache of equal-sized objects (here: kmalloc underneath, with a constructor). */
struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
    unsigned long flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *cache);
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cache, void *object);

#ifdef __cplusplus
}
#endif

#define SLAB_HWCACHE_ALIGN 0x00002000UL
#define SLAB_PANIC 0x00040000UL
#define SLAB_ACCOUNT 0x04000000UL
#define KMEM_CACHE(s, flags) kmem_cache_create(#s, sizeof(struct s), __alignof__(struct s), (flags), NULL)

/* An array of n elements of `size` bytes; NULL (not a short buffer) when n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
    if (size != 0 && n > (size_t)-1 / size)
        return NULL;
    return kmalloc(n * size, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
    return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t flags)
{
    if (size != 0 && n > (size_t)-1 / size)
        return NULL;
    return krealloc(p, n * size, flags);
}

/* kvmalloc: kmalloc is fine for any size here (large sizes take whole pages). */
static inline void *kvmalloc(size_t size, gfp_t flags) { return kmalloc(size, flags); }
static inline void *kvzalloc(size_t size, gfp_t flags) { return kzalloc(size, flags); }
static inline void *kvcalloc(size_t n, size_t size, gfp_t flags) { return kcalloc(n, size, flags); }
static inline void kvfree(const void *pointer) { kfree(pointer); }

/* kfree after wiping the contents (keys, passwords). */
static inline void kfree_sensitive(const void *pointer)
{
    if (pointer) {
        volatile unsigned char *bytes = (volatile unsigned char *)pointer;
        size_t size = ksize(pointer);
        while (size--)
            *bytes++ = 0;
    }
    kfree(pointer);
}
#define kzfree(p) kfree_sensitive(p)

#endif
