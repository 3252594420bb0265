// mm_init: brings up memory management in dependency order, and the counters
// /proc/meminfo will show.
#include <kernel/mm.h>
#include <kernel/page.h>

void mm_init(const libk::BootInfo& boot_info)
{
    page_alloc_init(boot_info);   // buddy allocator over the boot memory map
    paging_init();                // drop the boot identity map, vmalloc page tables
    kmalloc_init();               // the kernel heap on top of the page allocator
}

MemoryStats memory_stats()
{
    return {
        page_alloc_total_pages(),
        page_alloc_free_pages(),
        kmalloc_bytes_in_use(),
        kmalloc_pages_in_use(),
        vmalloc_pages_in_use(),
        page_alloc_kernel_image_bytes(),
    };
}

bool phys_range_is_mapped(uint64_t phys, uint64_t length)
{
    return phys + length >= phys && phys + length <= direct_map_bytes;
}
