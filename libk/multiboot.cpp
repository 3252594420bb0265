// Multiboot2 tag walking and Multiboot 1 info decoding, bounds-checked throughout
// (the input comes from the boot loader and the tests feed it garbage on purpose).
#include <libk/multiboot.h>

namespace libk {

// Byte-wise little-endian loads: Multiboot 1 memory map entries are only 4-aligned.
static uint32_t load_u32(const uint8_t* p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
}

static uint64_t load_u64(const uint8_t* p)
{
    return load_u32(p) | static_cast<uint64_t>(load_u32(p + 4)) << 32;
}

// A string that ends at its NUL or at `max`, whichever comes first.
static StringView bounded_string(const uint8_t* p, size_t max)
{
    size_t n = 0;
    while (n < max && p[n] != 0)
        ++n;
    return { reinterpret_cast<const char*>(p), n };
}

static void reset(BootInfo& out)
{
    out.cmdline = {};
    out.bootloader_name = {};
    out.mem_lower_kb = 0;
    out.mem_upper_kb = 0;
    out.has_basic_meminfo = false;
    out.region_count = 0;
    out.module_count = 0;
    out.error = nullptr;
}

static bool fail(BootInfo& out, const char* reason)
{
    if (!out.error)
        out.error = reason;
    return false;
}

static bool add_region(BootInfo& out, uint64_t base, uint64_t length, uint32_t type)
{
    constexpr size_t max = sizeof(out.regions) / sizeof(out.regions[0]);
    if (out.region_count == max)
        return fail(out, "too many memory regions");
    out.regions[out.region_count++] = { base, length, type };
    return true;
}

static bool add_module(BootInfo& out, uint32_t start, uint32_t end, StringView string)
{
    constexpr size_t max = sizeof(out.modules) / sizeof(out.modules[0]);
    if (end < start)
        return fail(out, "module ends before it starts");
    if (out.module_count == max)
        return fail(out, "too many modules");
    out.modules[out.module_count++] = { start, end, string };
    return true;
}

// Without a memory map, the basic meminfo still says where RAM is: below 640 KiB and from 1 MiB up.
// (A memory map that was given but is broken is not replaced: regions keep what was parsed.)
static void regions_from_meminfo(BootInfo& out, bool had_mmap)
{
    if (had_mmap || !out.has_basic_meminfo)
        return;
    add_region(out, 0, static_cast<uint64_t>(out.mem_lower_kb) * 1024, memory_available);
    add_region(out, 0x100000, static_cast<uint64_t>(out.mem_upper_kb) * 1024, memory_available);
}

// ---- Multiboot2 ----

namespace mb2 {
constexpr uint32_t tag_end = 0;
constexpr uint32_t tag_cmdline = 1;
constexpr uint32_t tag_bootloader_name = 2;
constexpr uint32_t tag_module = 3;
constexpr uint32_t tag_basic_meminfo = 4;
constexpr uint32_t tag_mmap = 6;
constexpr size_t mmap_entry_min = 24;  // base u64, length u64, type u32, reserved u32
}

static bool parse_mmap2(const uint8_t* tag, uint32_t size, BootInfo& out)
{
    if (size < 16)
        return fail(out, "memory map tag too short");
    uint32_t entry_size = load_u32(tag + 8);
    if (entry_size < mb2::mmap_entry_min || entry_size % 8 != 0)
        return fail(out, "bad memory map entry size");
    for (uint32_t offset = 16; size - offset >= entry_size; offset += entry_size) {
        const uint8_t* entry = tag + offset;
        if (!add_region(out, load_u64(entry), load_u64(entry + 8), load_u32(entry + 16)))
            return false;
    }
    return true;
}

bool parse_multiboot2(const void* info, size_t available_bytes, BootInfo& out)
{
    reset(out);
    auto* base = static_cast<const uint8_t*>(info);
    if (!base || reinterpret_cast<uintptr_t>(base) % 8 != 0)
        return fail(out, "boot information not 8-byte aligned");
    if (available_bytes < 16)
        return fail(out, "boot information too short");
    uint32_t total_size = load_u32(base);
    if (total_size < 16 || total_size > available_bytes)
        return fail(out, "bad total_size");

    size_t offset = 8;
    bool ok = true;
    bool had_mmap = false;
    while (true) {
        if (total_size - offset < 8)
            return fail(out, "missing end tag");
        const uint8_t* tag = base + offset;
        uint32_t type = load_u32(tag);
        uint32_t size = load_u32(tag + 4);
        if (size < 8 || size > total_size - offset)
            return fail(out, "tag size out of bounds");
        if (type == mb2::tag_end)
            break;

        switch (type) {
        case mb2::tag_cmdline:
            out.cmdline = bounded_string(tag + 8, size - 8);
            break;
        case mb2::tag_bootloader_name:
            out.bootloader_name = bounded_string(tag + 8, size - 8);
            break;
        case mb2::tag_module:
            if (size < 16)
                return fail(out, "module tag too short");
            ok = add_module(out, load_u32(tag + 8), load_u32(tag + 12), bounded_string(tag + 16, size - 16)) && ok;
            break;
        case mb2::tag_basic_meminfo:
            if (size < 16)
                return fail(out, "meminfo tag too short");
            out.mem_lower_kb = load_u32(tag + 8);
            out.mem_upper_kb = load_u32(tag + 12);
            out.has_basic_meminfo = true;
            break;
        case mb2::tag_mmap:
            had_mmap = true;
            ok = parse_mmap2(tag, size, out) && ok;
            break;
        default:
            break;  // framebuffer, ELF sections, ACPI, ...: not ours to read
        }
        // Tags start 8-byte aligned; the padding is not part of `size`.
        offset += (static_cast<size_t>(size) + 7) & ~static_cast<size_t>(7);
        if (offset > total_size)
            return fail(out, "missing end tag");
    }
    regions_from_meminfo(out, had_mmap);
    return ok;
}

// ---- Multiboot 1 ----

namespace mb1 {
constexpr uint32_t flag_mem = 1u << 0;
constexpr uint32_t flag_cmdline = 1u << 2;
constexpr uint32_t flag_mods = 1u << 3;
constexpr uint32_t flag_mmap = 1u << 6;
constexpr uint32_t flag_bootloader_name = 1u << 9;
constexpr uint32_t max_string = 4096;
constexpr uint32_t module_entry_size = 16;  // mod_start, mod_end, string, reserved
constexpr uint32_t max_mods = 256;          // more than any loader passes; caps the mapping size
constexpr uint32_t max_mmap_bytes = 64 * 1024;
}

// Maps a NUL-terminated string byte by byte, so a string ending near the edge of
// readable memory is still found; nullptr-mapped or unterminated within max → empty + false.
static bool map_string(PhysMapper map, uint32_t phys, StringView& out)
{
    if (phys == 0)
        return false;
    uint32_t n = 0;
    while (true) {
        if (n == mb1::max_string || phys + n < phys)
            return false;
        auto* c = static_cast<const uint8_t*>(map(phys + n, 1));
        if (!c)
            return false;
        if (*c == 0)
            break;
        ++n;
    }
    auto* chars = static_cast<const char*>(map(phys, n + 1));
    if (!chars)
        return false;
    out = { chars, n };
    return true;
}

bool parse_multiboot1(const void* info, PhysMapper map, BootInfo& out)
{
    reset(out);
    auto* base = static_cast<const uint8_t*>(info);
    if (!base || !map)
        return fail(out, "no boot information");
    uint32_t flags = load_u32(base);
    bool ok = true;

    if (flags & mb1::flag_mem) {
        out.mem_lower_kb = load_u32(base + 4);
        out.mem_upper_kb = load_u32(base + 8);
        out.has_basic_meminfo = true;
    }
    if ((flags & mb1::flag_cmdline) && !map_string(map, load_u32(base + 16), out.cmdline))
        ok = fail(out, "unreadable command line");
    if ((flags & mb1::flag_bootloader_name) && !map_string(map, load_u32(base + 64), out.bootloader_name))
        ok = fail(out, "unreadable boot loader name");

    if (flags & mb1::flag_mods) {
        uint32_t count = load_u32(base + 20);
        uint32_t address = load_u32(base + 24);
        if (count > mb1::max_mods) {
            count = mb1::max_mods;
            ok = fail(out, "too many modules");
        }
        auto* mods = count ? static_cast<const uint8_t*>(map(address, count * mb1::module_entry_size)) : nullptr;
        if (count && !mods) {
            ok = fail(out, "unreadable module list");
            count = 0;
        }
        for (uint32_t i = 0; i < count; ++i) {
            const uint8_t* mod = mods + i * mb1::module_entry_size;
            StringView string;
            map_string(map, load_u32(mod + 8), string);  // a module without a readable string is still a module
            if (!add_module(out, load_u32(mod), load_u32(mod + 4), string)) {
                ok = false;
                break;
            }
        }
    }

    if (flags & mb1::flag_mmap) {
        uint32_t length = load_u32(base + 44);
        uint32_t address = load_u32(base + 48);
        if (length > mb1::max_mmap_bytes) {
            length = mb1::max_mmap_bytes;
            ok = fail(out, "memory map too long");
        }
        auto* mmap = length ? static_cast<const uint8_t*>(map(address, length)) : nullptr;
        if (length && !mmap)
            ok = fail(out, "unreadable memory map");
        // Each entry starts with a `size` that does not count itself.
        uint32_t offset = 0;
        while (mmap && length - offset >= 4) {
            uint32_t size = load_u32(mmap + offset);
            if (size < 20 || size > length - offset - 4) {
                ok = fail(out, "memory map entry out of bounds");
                break;
            }
            const uint8_t* entry = mmap + offset + 4;
            if (!add_region(out, load_u64(entry), load_u64(entry + 8), load_u32(entry + 16))) {
                ok = false;
                break;
            }
            offset += size + 4;
        }
    }
    regions_from_meminfo(out, flags & mb1::flag_mmap);
    return ok;
}

} // namespace libk
