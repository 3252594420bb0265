// RelocatableObject (libk/elf_rel.cpp) as insmod drives it (kernel/module/load.cpp):
// parse the .ko, read sections by name, lay it out, copy, relocate, then list its
// symbols as kallsyms and /sys/module do. Every name and range handed back is read.
#include "fuzz.h"
#include <libk/elf_rel.h>
#include <string.h>
#include <vector>

namespace {

libk::RelocatableObject object;   // 15 KiB, static as in the kernel
uint32_t load_address;
size_t layout_size;

// Knows every symbol except those starting with '?', so both outcomes are reached.
uint32_t resolve(const char* name, void*)
{
    return name[0] == '?' ? 0 : 0xC0100000u + static_cast<uint32_t>(strlen(name));
}

// A defined symbol lies in the block (at most at its end) unless it is SHN_ABS.
bool in_block(uint32_t address)
{
    return address - load_address <= layout_size;
}

void visit_global(const char* name, uint32_t, void*)
{
    touch(name, strlen(name));
}

void visit_function(const char* name, uint32_t address, uint32_t, void*)
{
    touch(name, strlen(name));
    FUZZ_CHECK(in_block(address));
}

void visit_kallsym(const char* name, uint32_t address, uint32_t, char type, void*)
{
    touch(name, strlen(name));
    FUZZ_CHECK(in_block(address));
    FUZZ_CHECK(strchr("tTrRdDbB", type) != nullptr);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const char* reason = nullptr;
    if (object.parse(data, size, &reason) != 0) {
        FUZZ_CHECK(reason != nullptr && object.section_count() == 0);
        return 0;
    }
    // What load_module reads from the file before laying it out.
    for (size_t i = 0; i < object.section_count(); ++i) {
        const libk::RelSection& section = object.section(i);
        touch(section.name, strlen(section.name));
        if (i == 0)
            continue;   // SHT_NULL: nothing in the file
        if (const void* bytes = object.section_data(section)) {
            FUZZ_CHECK(inside(bytes, section.size, data, size));
            touch(bytes, section.size);
        }
    }
    object.find_section(".gnu.linkonce.this_module");
    object.find_section(".modinfo");

    // The module layout (odd sizes: the plain one, as the unit tests use it).
    size_t core_size = 0;
    layout_size = size % 2 ? object.layout() : object.layout_module(4096, &core_size);
    FUZZ_CHECK(core_size <= layout_size);
    for (size_t i = 1; i < object.section_count(); ++i) {
        const libk::RelSection& section = object.section(i);
        if (!section.allocated)
            continue;
        FUZZ_CHECK(section.layout_offset % section.align == 0);
        FUZZ_CHECK(static_cast<uint64_t>(section.layout_offset) + section.size <= layout_size);
    }
    std::vector<uint8_t> memory(layout_size ? layout_size : 1);
    object.copy_sections(memory.data());

    load_address = 0xD0000000u;
    const char* bad_symbol = nullptr;
    if (object.relocate(memory.data(), load_address, resolve, nullptr, &reason, &bad_symbol) != 0) {
        FUZZ_CHECK(reason != nullptr);
        if (bad_symbol)
            touch(bad_symbol, strlen(bad_symbol));
        return 0;
    }
    uint32_t init = 0;
    if (object.find_symbol("init_module", load_address, init))
        touch(&init, sizeof(init));
    object.for_each_defined_global(load_address, visit_global, nullptr);
    object.for_each_function(load_address, visit_function, nullptr);
    object.for_each_kallsym(load_address, visit_kallsym, nullptr);
    return 0;
}
