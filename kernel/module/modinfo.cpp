// The .modinfo strings of a module: "tag=value" entries, NUL-separated.
#include "internal.h"
#include <libk/string.h>

const char* modinfo_get(const char* modinfo, size_t size, const char* tag)
{
    size_t tag_length = libk::strlen(tag);
    for (size_t i = 0; i < size;) {
        const char* entry = modinfo + i;
        size_t length = libk::strnlen(entry, size - i);
        if (length > tag_length && entry[tag_length] == '=' && libk::strncmp(entry, tag, tag_length) == 0
            && i + length < size)
            return entry + tag_length + 1;
        i += length + 1;
    }
    return nullptr;
}

// Linux's license_is_gpl_compatible().
bool license_is_gpl_compatible(const char* license)
{
    static const char* const compatible[] = { "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
        "Dual MIT/GPL", "Dual MPL/GPL" };
    for (const char* name : compatible)
        if (libk::strcmp(license, name) == 0)
            return true;
    return false;
}
