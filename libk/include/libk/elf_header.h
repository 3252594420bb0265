// The ELF identification checks every kernlab ELF reader shares: a 32-bit,
// little-endian, version-1 i386 file of the expected type.
#pragma once

#include <libk/little_endian.h>
#include <stddef.h>
#include <stdint.h>

namespace libk {

constexpr size_t elf32_ehdr_size = 52;

// nullptr when `bytes` starts with an acceptable ELF header of type `type`
// (ET_EXEC 2, ET_REL 1); else why not. `type_reason` names what was expected.
inline const char* check_elf32_i386_header(const uint8_t* bytes, size_t size, uint16_t type, const char* type_reason)
{
    constexpr size_t ei_class = 4, ei_data = 5, ei_version = 6;
    constexpr size_t e_type = 16, e_machine = 18, e_version = 20;
    if (!bytes || size < elf32_ehdr_size)
        return "truncated ELF header";
    if (bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F')
        return "bad ELF magic";
    if (bytes[ei_class] != 1)
        return "not a 32-bit ELF file (ELFCLASS32)";
    if (bytes[ei_data] != 1)
        return "not a little-endian ELF file";
    if (bytes[ei_version] != 1 || load_u32(bytes + e_version) != 1)
        return "bad ELF version";
    if (load_u16(bytes + e_type) != type)
        return type_reason;
    if (load_u16(bytes + e_machine) != 3)
        return "not an i386 object (EM_386)";
    return nullptr;
}

} // namespace libk
