// kmalloc: the libk size-class allocator on top of the page allocator; the
// size class of each page is kept in its page frame record.
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/spinlock.h>
#include <libk/slab.h>
#include <libk/string.h>

namespace {

constinit libk::SlabAllocator slab;
constinit SpinLock slab_lock;

void set_page_tag(const void* page, uint32_t tag)
{
    virt_to_page(page)->tag = tag;
}

uint32_t get_page_tag(const void* page)
{
    libk::PageFrame* frame = virt_to_page(page);
    return frame ? frame->tag : 0;
}

bool is_heap_pointer(const void* pointer)
{
    auto address = reinterpret_cast<uintptr_t>(pointer);
    return address >= arch::page_offset && address - arch::page_offset < direct_map_bytes;
}

} // namespace

void kmalloc_init()
{
    libk::PageSource source { alloc_pages, free_pages, set_page_tag, get_page_tag };
    slab.init(source);
}

extern "C" void* kmalloc(size_t size, unsigned flags)
{
    void* pointer;
    {
        SpinLockGuard guard(slab_lock);
        pointer = slab.alloc(size);
    }
    if (pointer && (flags & __GFP_ZERO) && size)
        libk::memset(pointer, 0, size);
    return pointer;
}

extern "C" void* kzalloc(size_t size, unsigned flags)
{
    return kmalloc(size, flags | __GFP_ZERO);
}

extern "C" void* krealloc(const void* pointer, size_t size, unsigned)
{
    SpinLockGuard guard(slab_lock);
    return slab.realloc(const_cast<void*>(pointer), size);
}

extern "C" void kfree(const void* pointer)
{
    if (!pointer)
        return;
    if (!is_heap_pointer(pointer))
        return;   // not from kmalloc: the slab core would count it as a bad free anyway
    SpinLockGuard guard(slab_lock);
    slab.free(const_cast<void*>(pointer));
}

extern "C" size_t ksize(const void* pointer)
{
    SpinLockGuard guard(slab_lock);
    return slab.usable_size(pointer);
}

size_t kmalloc_bytes_in_use()
{
    SpinLockGuard guard(slab_lock);
    return slab.bytes_in_use();
}

size_t kmalloc_pages_in_use()
{
    SpinLockGuard guard(slab_lock);
    return slab.pages_in_use();
}
