// Parsers for the boot information of Multiboot2 (GRUB's `multiboot2`) and Multiboot 1
// (QEMU's `-kernel`), normalised into one BootInfo.
#pragma once

#include <libk/string_view.h>
#include <stddef.h>
#include <stdint.h>

namespace libk {

// type 1 = available RAM, 3 ACPI reclaimable, 4 ACPI NVS, 5 bad, anything else reserved.
struct MemoryRegion {
    uint64_t base;
    uint64_t length;
    uint32_t type;
};
constexpr uint32_t memory_available = 1;
constexpr uint32_t memory_acpi_reclaimable = 3;
constexpr uint32_t memory_acpi_nvs = 4;
constexpr uint32_t memory_bad = 5;

struct BootModule {
    uint32_t start;  // physical, [start, end)
    uint32_t end;
    StringView string;  // GRUB's module2 arguments
};

// The StringViews point into the boot information, which must stay mapped while they are used.
struct BootInfo {
    StringView cmdline;
    StringView bootloader_name;
    uint32_t mem_lower_kb;
    uint32_t mem_upper_kb;
    bool has_basic_meminfo;
    // Straight from the memory map; without one, built from mem_lower/mem_upper.
    MemoryRegion regions[64];
    size_t region_count;
    BootModule modules[16];
    size_t module_count;
    // nullptr on success, else a short reason. On failure `out` still holds what was
    // parsed before the problem (capped lists included), so the kernel may carry on.
    const char* error;
};

constexpr uint32_t multiboot2_bootloader_magic = 0x36d76289;
constexpr uint32_t multiboot1_bootloader_magic = 0x2BADB002;

// `info` is the (mapped) boot information; `available_bytes` how much of it may be read.
// Bounds-checks every tag; false + error on malformed input.
bool parse_multiboot2(const void* info, size_t available_bytes, BootInfo& out);

// Multiboot 1 keeps physical addresses in its info structure; `map` makes them readable.
using PhysMapper = const void* (*)(uint32_t phys, uint32_t length);  // nullptr when not readable
// `info` must be readable for the 72 bytes of the Multiboot 1 info structure.
bool parse_multiboot1(const void* info, PhysMapper map, BootInfo& out);

} // namespace libk
