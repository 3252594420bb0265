// Physical page frames: the buddy allocator's per-page records (Linux's mem_map).
#pragma once

#include <arch/x86.h>
#include <libk/buddy_allocator.h>

// Low memory directly mapped at 0xC0000000 (boot/boot.asm maps 768 MiB);
// RAM above that is not used (no highmem).
constexpr uint64_t direct_map_bytes = 768ull * 1024 * 1024;

// The record of the page holding kernel virtual address `address` (direct map).
libk::PageFrame* virt_to_page(const void* address);

namespace libk { struct BootInfo; }

// mm internals, called by mm_init and the memory statistics.
void page_alloc_init(const libk::BootInfo& info);
size_t page_alloc_free_pages();
size_t page_alloc_kernel_image_bytes();
void paging_init();
void kmalloc_init();
// slub_debug: whether it is on, and how many problems it reported so far.
bool slub_debug_enabled();
size_t slub_debug_reports();
size_t kmalloc_bytes_in_use();
size_t kmalloc_pages_in_use();
size_t vmalloc_pages_in_use();
