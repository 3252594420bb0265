// vmalloc: large buffers built page by page and mapped contiguously in the
// vmalloc area, each followed by an unmapped guard page.
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/paging.h>
#include <kernel/spinlock.h>
#include <libk/bitmap.h>
#include <libk/intrusive_list.h>
#include <libk/string.h>

namespace {

constexpr size_t vmalloc_pages = (vmalloc_end - vmalloc_start) / arch::page_size;

struct VmArea {
    uintptr_t address;
    size_t pages;        // mapped pages, not counting the guard page
    libk::ListNode node;
};

constinit uint32_t area_bits[vmalloc_pages / 32] = {};
constinit libk::Bitmap area_map;
constinit bool area_map_ready = false;
constinit libk::IntrusiveList<VmArea, &VmArea::node> areas;
constinit SpinLock vmalloc_lock;
constinit size_t pages_mapped = 0;

libk::Bitmap& used_pages()
{
    if (!area_map_ready) {
        area_map = libk::Bitmap(area_bits, vmalloc_pages);
        area_map_ready = true;
    }
    return area_map;
}

void unmap_and_free(uintptr_t address, size_t pages)
{
    for (size_t i = 0; i < pages; ++i) {
        uintptr_t phys = unmap_kernel_page(address + i * arch::page_size);
        if (phys)
            free_pages(arch::phys_to_virt(phys), 0);
    }
}

} // namespace

extern "C" void* vmalloc(unsigned long size)
{
    if (size == 0)
        return nullptr;
    size_t pages = (size + arch::page_size - 1) / arch::page_size;
    auto* area = static_cast<VmArea*>(kmalloc(sizeof(VmArea), GFP_KERNEL));
    if (!area)
        return nullptr;

    size_t first;
    {
        SpinLockGuard guard(vmalloc_lock);
        first = used_pages().find_clear_run(pages + 1, 0);
        if (first == libk::Bitmap::npos) {
            kfree(area);
            return nullptr;
        }
        used_pages().set_range(first, pages + 1);
    }
    uintptr_t address = vmalloc_start + first * arch::page_size;
    for (size_t i = 0; i < pages; ++i) {
        void* page = alloc_pages(0);
        if (!page) {
            unmap_and_free(address, i);
            SpinLockGuard guard(vmalloc_lock);
            used_pages().clear_range(first, pages + 1);
            kfree(area);
            return nullptr;
        }
        map_kernel_page(address + i * arch::page_size, arch::virt_to_phys(page));
    }

    *area = { address, pages, {} };
    SpinLockGuard guard(vmalloc_lock);
    areas.push_back(*area);
    pages_mapped += pages;
    return reinterpret_cast<void*>(address);
}

extern "C" void* vzalloc(unsigned long size)
{
    void* address = vmalloc(size);
    if (address)
        libk::memset(address, 0, size);
    return address;
}

extern "C" void vfree(const void* address)
{
    if (!address)
        return;
    VmArea* found = nullptr;
    {
        SpinLockGuard guard(vmalloc_lock);
        for (VmArea& area : areas) {
            if (area.address == reinterpret_cast<uintptr_t>(address)) {
                found = &area;
                areas.remove(area);
                pages_mapped -= area.pages;
                break;
            }
        }
    }
    if (!found)
        return;
    unmap_and_free(found->address, found->pages);
    {
        SpinLockGuard guard(vmalloc_lock);
        used_pages().clear_range((found->address - vmalloc_start) / arch::page_size, found->pages + 1);
    }
    kfree(found);
}

void vmalloc_shrink(const void* address, unsigned long size)
{
    size_t keep = (size + arch::page_size - 1) / arch::page_size;
    VmArea* found = nullptr;
    size_t dropped = 0;
    {
        SpinLockGuard guard(vmalloc_lock);
        for (VmArea& area : areas) {
            if (area.address == reinterpret_cast<uintptr_t>(address)) {
                found = &area;
                break;
            }
        }
        if (!found || keep == 0 || keep >= found->pages)
            return;
        dropped = found->pages - keep;
        found->pages = keep;
        pages_mapped -= dropped;
    }
    uintptr_t first_dropped = found->address + keep * arch::page_size;
    unmap_and_free(first_dropped, dropped);
    // The first dropped page becomes the block's guard page; the rest is free again.
    SpinLockGuard guard(vmalloc_lock);
    used_pages().clear_range((first_dropped - vmalloc_start) / arch::page_size + 1, dropped);
}

size_t vmalloc_pages_in_use()
{
    return pages_mapped;
}
