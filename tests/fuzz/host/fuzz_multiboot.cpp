// The boot information parsers (libk/multiboot.cpp) as kernel/init/params.cpp calls
// them. Multiboot2: the input is the tag list. Multiboot 1: the input's first 72
// bytes are the info structure and its "physical addresses" are offsets into the input.
#include "fuzz.h"
#include <libk/multiboot.h>
#include <initializer_list>
#include <string.h>
#include <vector>

namespace {

const uint8_t* memory;
size_t memory_size;

const void* map(uint32_t phys, uint32_t length)
{
    return static_cast<uint64_t>(phys) + length <= memory_size ? memory + phys : nullptr;
}

// The lists stay within their arrays and every string is readable.
void walk(const libk::BootInfo& info)
{
    FUZZ_CHECK(info.region_count <= sizeof(info.regions) / sizeof(info.regions[0]));
    FUZZ_CHECK(info.module_count <= sizeof(info.modules) / sizeof(info.modules[0]));
    touch(info.cmdline.data(), info.cmdline.length());
    touch(info.bootloader_name.data(), info.bootloader_name.length());
    for (size_t i = 0; i < info.module_count; ++i) {
        FUZZ_CHECK(info.modules[i].start <= info.modules[i].end);
        touch(info.modules[i].string.data(), info.modules[i].string.length());
    }
    touch(info.regions, info.region_count * sizeof(info.regions[0]));
    if (info.error)
        touch(info.error, strlen(info.error));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // GRUB's information is 8-byte aligned; a vector's storage is.
    std::vector<uint8_t> copy(data, data + size);
    libk::BootInfo info;
    bool ok = libk::parse_multiboot2(copy.data(), copy.size(), info);
    FUZZ_CHECK(ok == (info.error == nullptr));
    for (const libk::StringView& s : { info.cmdline, info.bootloader_name })
        FUZZ_CHECK(s.is_empty() || inside(s.data(), s.length(), copy.data(), copy.size()));
    walk(info);

    if (size < 72)
        return 0;
    memory = data;
    memory_size = size;
    libk::parse_multiboot1(data, map, info);
    walk(info);
    return 0;
}
