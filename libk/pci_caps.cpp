// PCI capability list walking (PCI Local Bus spec 6.7): each entry is
// id[1] next[1] ...; pointers are dword-aligned offsets of at least 0x40.
#include <libk/pci_caps.h>

namespace libk::pci {

uint8_t find_capability(const uint8_t (&config)[256], uint8_t id, uint8_t after)
{
    uint16_t status = static_cast<uint16_t>(config[status_offset] | config[status_offset + 1] << 8);
    if (!(status & status_cap_list))
        return 0;
    uint8_t at = config[capability_list_offset] & 0xfc;
    bool past = after == 0;
    // 48 entries of 4 bytes fill the 192 bytes above the header: more is a loop.
    for (unsigned steps = 0; at >= 0x40 && steps < 48; ++steps) {
        if (past && config[at] == id)
            return at;
        if (at == after)
            past = true;
        at = config[at + 1] & 0xfc;
    }
    return 0;
}

} // namespace libk::pci
