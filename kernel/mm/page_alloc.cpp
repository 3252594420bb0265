// The physical page allocator: a buddy allocator over every page of low RAM
// the boot memory map calls available, minus what is already in use at boot
// (the kernel image, the boot modules, the allocator's own page records).
#include <kernel/fault_inject.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/panic.h>
#include <kernel/spinlock.h>
#include <libk/multiboot.h>
#include <libk/string.h>
#include <linux/printk.h>

extern "C" char _kernel_end[];

namespace {

constinit libk::BuddyAllocator buddy;
constinit SpinLock zone_lock;
constinit size_t kernel_image_bytes = 0;

struct Range {
    uint64_t start;
    uint64_t end;
};

constexpr size_t max_reserved = 20;
constinit Range reserved[max_reserved] = {};
constinit size_t reserved_count = 0;

void reserve(uint64_t start, uint64_t end)
{
    if (reserved_count == max_reserved)
        panic("mm: too many reserved ranges at boot");
    reserved[reserved_count++] = { start, end };
}

bool overlaps_reserved(uint64_t start, uint64_t end)
{
    for (size_t i = 0; i < reserved_count; ++i)
        if (start < reserved[i].end && reserved[i].start < end)
            return true;
    return false;
}

// Hands [start, end) to the allocator, skipping every reserved range in it.
void free_available(uint64_t start, uint64_t end)
{
    while (start < end) {
        bool skipped = false;
        for (size_t i = 0; i < reserved_count; ++i) {
            if (reserved[i].start <= start && start < reserved[i].end) {
                start = reserved[i].end;
                skipped = true;
            }
        }
        if (skipped)
            continue;   // ranges may touch: check again from the new start
        uint64_t gap_end = end;
        for (size_t i = 0; i < reserved_count; ++i)
            if (reserved[i].start > start && reserved[i].start < gap_end)
                gap_end = reserved[i].start;
        uint64_t first = (start + arch::page_size - 1) / arch::page_size;
        uint64_t last = gap_end / arch::page_size;
        if (last > first)
            buddy.free_range(static_cast<uint32_t>(first), static_cast<uint32_t>(last - first));
        start = gap_end;
    }
}

// Finds `size` bytes of available RAM above 1 MiB that no reserved range touches.
uint64_t find_boot_memory(const libk::BootInfo& info, uint64_t size)
{
    for (size_t i = 0; i < info.region_count; ++i) {
        const libk::MemoryRegion& region = info.regions[i];
        if (region.type != 1)
            continue;
        uint64_t start = region.base < 0x100000 ? 0x100000 : region.base;
        uint64_t end = region.base + region.length;
        if (end > direct_map_bytes)
            end = direct_map_bytes;
        for (start = (start + arch::page_size - 1) & ~uint64_t(arch::page_size - 1); start + size <= end;
             start += arch::page_size) {
            if (!overlaps_reserved(start, start + size))
                return start;
        }
    }
    panic("mm: no room for the page frame records (%llu bytes)", static_cast<unsigned long long>(size));
}

void* alloc_pages_locked(unsigned order)
{
    uint32_t pfn = buddy.alloc(order);
    if (pfn == libk::BuddyAllocator::no_page)
        return nullptr;
    return arch::phys_to_virt(static_cast<uintptr_t>(pfn) * arch::page_size);
}

} // namespace

void page_alloc_init(const libk::BootInfo& info)
{
    // The highest page of low RAM we will manage.
    uint64_t top = 0;
    for (size_t i = 0; i < info.region_count; ++i) {
        const libk::MemoryRegion& region = info.regions[i];
        if (region.type == 1 && region.base + region.length > top)
            top = region.base + region.length;
    }
    if (top > direct_map_bytes) {
        pr_notice("mm: %llu MiB of RAM above the %llu MiB direct map is not used (no highmem)\n",
            static_cast<unsigned long long>((top - direct_map_bytes) >> 20),
            static_cast<unsigned long long>(direct_map_bytes >> 20));
        top = direct_map_bytes;
    }
    uint32_t frame_count = static_cast<uint32_t>(top / arch::page_size);

    // Keep out: the first MiB (BIOS, VGA), the kernel image, the boot modules.
    reserve(0, 0x100000);
    uint64_t kernel_end = arch::virt_to_phys(_kernel_end);
    reserve(0x100000, kernel_end);
    kernel_image_bytes = kernel_end - 0x100000;
    for (size_t i = 0; i < info.module_count; ++i)
        reserve(info.modules[i].start, info.modules[i].end);

    size_t frames_bytes = frame_count * sizeof(libk::PageFrame);
    uint64_t frames_phys = find_boot_memory(info, frames_bytes);
    reserve(frames_phys, frames_phys + frames_bytes);
    auto* frames = static_cast<libk::PageFrame*>(arch::phys_to_virt(frames_phys));
    libk::memset(frames, 0, frames_bytes);

    buddy.init(0, frame_count, frames);
    for (size_t i = 0; i < info.region_count; ++i) {
        const libk::MemoryRegion& region = info.regions[i];
        if (region.type != 1 || region.base >= top)
            continue;
        uint64_t end = region.base + region.length;
        free_available(region.base, end > top ? top : end);
    }
    // Lowest addresses first: next to what the boot loader and the kernel
    // already use. Under QEMU the host backs guest RAM as it is first touched
    // (0.1 to several ms per 2 MiB here); the top of memory is touched last.
    buddy.sort_free_lists();
    pr_info("Memory: %uK/%uK available (%uK kernel code+data)\n",
        static_cast<unsigned>(buddy.free_pages() * 4), static_cast<unsigned>(frame_count * 4),
        static_cast<unsigned>(kernel_image_bytes / 1024));
}

void* alloc_pages(unsigned order)
{
    if (should_fail(fail_page_alloc, arch::page_size << order))
        return nullptr;
    SpinLockGuard guard(zone_lock);
    return alloc_pages_locked(order);
}

namespace {

// Linux's min_free_kbytes: sqrt(lowmem_kbytes * 16), between 128 kB and 256 MB.
size_t min_free_pages()
{
    static size_t pages = 0;
    if (!pages) {
        unsigned long kbytes = static_cast<unsigned long>(buddy.managed_pages() * (arch::page_size / 1024)) * 16;
        unsigned long root = 0;
        while ((root + 1) * (root + 1) <= kbytes)
            ++root;
        if (root < 128)
            root = 128;
        pages = root / (arch::page_size / 1024);
    }
    return pages;
}

} // namespace

void* alloc_user_pages(unsigned order)
{
    if (below_min_watermark())
        return nullptr;   // the rest is the kernel's, for the OOM killer's victims to exit with
    return alloc_pages(order);
}

bool below_min_watermark()
{
    return buddy.free_pages() <= min_free_pages();
}

void free_pages(void* address, unsigned order)
{
    if (!address)
        return;
    SpinLockGuard guard(zone_lock);
    buddy.free(static_cast<uint32_t>(arch::virt_to_phys(address) / arch::page_size), order);
}

libk::PageFrame* virt_to_page(const void* address)
{
    return buddy.frame(static_cast<uint32_t>(arch::virt_to_phys(address) / arch::page_size));
}

size_t page_alloc_free_pages()
{
    return buddy.free_pages();
}

size_t page_alloc_total_pages()
{
    return buddy.managed_pages();
}

size_t page_alloc_kernel_image_bytes()
{
    return kernel_image_bytes;
}
