// Walking a PCI device's capability list (PCI Local Bus spec 6.7) in a copy
// of its 256-byte configuration space: bounded, so a looping or wild list in
// a device's registers cannot hang or overrun the walker.
#pragma once

#include <stdint.h>

namespace libk::pci {

constexpr uint8_t status_offset = 0x06, capability_list_offset = 0x34;
constexpr uint16_t status_cap_list = 0x10;
constexpr uint8_t cap_id_vendor = 0x09;   // virtio's structures are vendor-specific capabilities

// The offset of the next capability with `id` after the one at `after` (0: from
// the start of the list); 0 when there is none or the list is malformed. A list
// that loops ends where it comes back, so iterating on `after` ends too.
uint8_t find_capability(const uint8_t (&config)[256], uint8_t id, uint8_t after = 0);

} // namespace libk::pci
