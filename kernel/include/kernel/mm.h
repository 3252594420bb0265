// Kernel memory: physical pages, the kernel heap (kmalloc) and vmalloc.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk { struct BootInfo; }

// Builds the page allocator from the boot memory map, keeping out the kernel
// image, the boot modules and reserved ranges; then the kernel page tables.
void mm_init(const libk::BootInfo& boot_info);

// Whole pages from the buddy allocator, returned as kernel virtual addresses in
// the direct map; `order` = log2(page count).
void* alloc_pages(unsigned order);
void free_pages(void* address, unsigned order);
// Pages for user memory: they leave min_free_kbytes (Linux's watermark) to the
// kernel, so a shortage of user memory is one for the OOM killer
// (kernel/mm/oom_kill.cpp) and not yet for the kernel's own allocations.
void* alloc_user_pages(unsigned order);
// The pages the allocator manages: the RAM there is to use (Linux's totalram_pages).
size_t page_alloc_total_pages();
// Whether free memory is down to that reserve: a real shortage, not a
// failure fault injection made up.
bool below_min_watermark();
// A page that several owners hold (a ramfs file's page that execve mapped
// into processes): its count is in its frame, as a user page's is, and the
// last put_page_at frees it. Linux's set_page_count, page_ref_inc, put_page.
void set_page_count(void* page, uint32_t count);
void page_ref_inc(void* page);
void put_page_at(void* page);
// Frees clean, unused blocks of the buffer cache (kernel/block/buffer.cpp),
// coldest first, until about `bytes` are gone; returns the bytes freed. For
// the OOM killer, before it kills: never sleeps (a busy cache frees nothing).
unsigned long buffer_cache_reclaim(unsigned long bytes);

extern "C" {
void* kmalloc(size_t size, unsigned flags);
void* kzalloc(size_t size, unsigned flags);
void* krealloc(const void* pointer, size_t size, unsigned flags);
void kfree(const void* pointer);
size_t ksize(const void* pointer);
// Virtually contiguous memory for large buffers (the RAM disk): page by page
// from the page allocator, mapped in the vmalloc area shared by every address space.
void* vmalloc(unsigned long size);
void* vzalloc(unsigned long size);
void vfree(const void* address);
}
// Keeps the first `size` bytes (rounded up to pages) of a vmalloc'ed block and
// frees the pages after them: a module's .init sections once its init ran.
void vmalloc_shrink(const void* address, unsigned long size);

// GFP flags are accepted for source compatibility; every allocation may sleep
// or not alike here, since allocation never blocks.
#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u
#define __GFP_ZERO 0x100u

struct Task;
// Reads `length` bytes at user address `address` of another task's address
// space (for /proc/<pid>/cmdline); returns the bytes read.
int access_process_vm(Task* task, unsigned long address, void* buffer, int length);

struct MemoryStats {
    size_t total_pages;       // RAM handed to the page allocator
    size_t free_pages;
    size_t kmalloc_bytes;     // live kmalloc allocations
    size_t kmalloc_pages;     // pages held by the kernel heap
    size_t vmalloc_pages;     // pages mapped by vmalloc
    size_t kernel_image_bytes;
};
MemoryStats memory_stats();

// Maps a physical range into the direct map's reach check: true when
// [phys, phys+length) is directly mapped and can be used through phys_to_virt.
bool phys_range_is_mapped(uint64_t phys, uint64_t length);
