// find_capability (libk/pci_caps.h) on a device's 256-byte configuration space
// (the input, zero-filled), iterated as drivers/virtio/virtio_pci.cpp does: each
// call continues after the previous result, and the walk must end.
#include "fuzz.h"
#include <libk/pci_caps.h>
#include <string.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    uint8_t config[256] = {};
    memcpy(config, data, size < sizeof(config) ? size : sizeof(config));
    uint8_t ids[] = { libk::pci::cap_id_vendor, size > 256 ? data[256] : uint8_t(0x05) };
    for (uint8_t id : ids) {
        unsigned found = 0;
        for (uint8_t cap = libk::pci::find_capability(config, id); cap;
             cap = libk::pci::find_capability(config, id, cap)) {
            FUZZ_CHECK(cap >= 0x40 && cap % 4 == 0 && config[cap] == id);
            // 48 dwords above the header: a longer walk visits one twice and never ends.
            FUZZ_CHECK(++found <= 48);
        }
    }
    return 0;
}
