// kmalloc: the libk size-class allocator on top of the page allocator; the
// size class of each page is kept in its page frame record.
#include <kernel/init.h>
#include <kernel/fault_inject.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/spinlock.h>
#include <libk/slab.h>
#include <libk/string.h>
#include <linux/bug.h>
#include <linux/printk.h>

namespace {

constinit libk::SlabAllocator slab;
constinit SpinLock slab_lock;
constinit size_t slub_reports = 0;

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

// slub_debug: what the debugging slab found, in the words of Linux's SLUB.
void report_slab_problem(libk::SlabProblem problem, const void* object, size_t size, size_t offset)
{
    static const char* const what[] = { "Object already free", "Poison overwritten", "Invalid object pointer" };
    ++slub_reports;
    pr_err("=============================================================================\n");
    if (size)
        pr_err("BUG kmalloc-%zu (Not tainted): %s\n", size, what[static_cast<int>(problem)]);
    else   // not in a slab page: a freed large block, or no kmalloc pointer at all
        pr_err("BUG kmalloc (Not tainted): %s\n", what[static_cast<int>(problem)]);
    if (problem == libk::SlabProblem::poison_overwritten) {
        auto* bytes = static_cast<const uint8_t*>(object) + offset;
        pr_err("INFO: 0x%p-0x%p @offset=%zu. First byte 0x%x instead of 0x%x\n", bytes,
            static_cast<const uint8_t*>(object) + size - 1, offset, *bytes, libk::SlabAllocator::poison_free);
    } else {
        pr_err("INFO: Object 0x%p\n", object);
    }
    dump_stack();
}

} // namespace

void kmalloc_init()
{
    libk::PageSource source { alloc_pages, free_pages, set_page_tag, get_page_tag };
    slab.init(source);
    // Before the first allocation: every free object must carry the poison.
    if (boot_params.cmdline.has("slub_debug")) {
        slab.set_debug(report_slab_problem);
        pr_info("slub_debug: freed objects poisoned, double frees checked\n");
    }
}

bool slub_debug_enabled()
{
    return slab.debugging();
}

size_t slub_debug_reports()
{
    return slub_reports;
}

extern "C" void* kmalloc(size_t size, unsigned flags)
{
    if (should_fail(failslab, size))
        return nullptr;
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
