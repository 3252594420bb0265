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
    // The list ends at a capability seen before: in a loop, a caller going on
    // `after` each result would otherwise get the same ones back forever.
    uint64_t seen = 0;   // one bit per dword from 0x40 to 0xfc
    while (at >= 0x40) {
        uint64_t bit = uint64_t { 1 } << ((at - 0x40) / 4);
        if (seen & bit)
            return 0;
        seen |= bit;
        if (past && config[at] == id)
            return at;
        if (at == after)
            past = true;
        at = config[at + 1] & 0xfc;
    }
    return 0;
}

} // namespace libk::pci
