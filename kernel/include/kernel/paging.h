// Kernel page tables: the direct map (4 MiB pages, set up by boot/boot.asm) and
// the vmalloc area (4 KiB pages in page tables shared by every address space).
#pragma once

#include <stdint.h>

constexpr uintptr_t vmalloc_start = 0xF0000000;
constexpr uintptr_t vmalloc_end = 0xFF800000;

constexpr uint32_t pte_present = 1u << 0;
constexpr uint32_t pte_write = 1u << 1;
constexpr uint32_t pte_user = 1u << 2;
constexpr uint32_t pde_large = 1u << 7;

// The kernel's page directory (boot/boot.asm); its kernel half is shared by all.
extern "C" uint32_t swapper_pg_dir[1024];

// Maps one 4 KiB page inside the vmalloc area; returns false outside it.
bool map_kernel_page(uintptr_t virt, uintptr_t phys);
// Unmaps it and returns the physical address it had (0 if none).
uintptr_t unmap_kernel_page(uintptr_t virt);
