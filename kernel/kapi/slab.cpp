// kmem_cache for modules (include/linux/slab.h): kmalloc underneath (its slabs
// already group objects by size), plus the constructor and the name.
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct kmem_cache {
    char name[32];
    unsigned int size;
    void (*ctor)(void*);
    unsigned int live;   // objects handed out, reported when the cache is destroyed too early
};

extern "C" struct kmem_cache* kmem_cache_create(const char* name, unsigned int size, unsigned int,
    unsigned long, void (*ctor)(void*))
{
    auto* cache = static_cast<kmem_cache*>(kzalloc(sizeof(kmem_cache), GFP_KERNEL));
    if (!cache)
        return nullptr;
    libk::strlcpy(cache->name, name ? name : "", sizeof(cache->name));
    cache->size = size;
    cache->ctor = ctor;
    return cache;
}
EXPORT_SYMBOL(kmem_cache_create);

extern "C" void kmem_cache_destroy(struct kmem_cache* cache)
{
    if (!cache)
        return;
    if (cache->live)
        printk(KERN_ERR "kmem_cache_destroy %s: Slab cache still has objects (%u)\n", cache->name, cache->live);
    kfree(cache);
}
EXPORT_SYMBOL(kmem_cache_destroy);

extern "C" void* kmem_cache_alloc(struct kmem_cache* cache, gfp_t flags)
{
    void* object = kmalloc(cache->size, flags);
    if (!object)
        return nullptr;
    __atomic_fetch_add(&cache->live, 1, __ATOMIC_RELAXED);
    if (cache->ctor)
        cache->ctor(object);
    return object;
}
EXPORT_SYMBOL(kmem_cache_alloc);

extern "C" void* kmem_cache_zalloc(struct kmem_cache* cache, gfp_t flags)
{
    return kmem_cache_alloc(cache, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kmem_cache_zalloc);

extern "C" void kmem_cache_free(struct kmem_cache* cache, void* object)
{
    if (!object)
        return;
    __atomic_fetch_sub(&cache->live, 1, __ATOMIC_RELAXED);
    kfree(object);
}
EXPORT_SYMBOL(kmem_cache_free);
