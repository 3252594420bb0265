// The split virtqueue of virtio (spec 1.x, "2.7 Split Virtqueues"; the legacy
// layout of "2.7.2 Legacy Interfaces: A Note on Virtqueue Layout"): the three
// parts a driver puts in guest memory, where each one starts, and the index
// arithmetic on the free-running 16-bit ring indices. No hardware access here.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk::virtio {

// 2.7.5 The Virtqueue Descriptor Table
struct VirtqDesc {
    uint64_t addr;    // guest-physical address of the buffer
    uint32_t len;
    uint16_t flags;
    uint16_t next;    // the next descriptor of the chain, when flags has NEXT
};
constexpr uint16_t VIRTQ_DESC_F_NEXT = 1;
constexpr uint16_t VIRTQ_DESC_F_WRITE = 2;   // the device writes this buffer (a reply)

// 2.7.6 The Virtqueue Available Ring (driver -> device): flags, idx, ring[num], used_event.
struct VirtqAvail {
    uint16_t flags;
    uint16_t idx;
    uint16_t ring[];
};
constexpr uint16_t VIRTQ_AVAIL_F_NO_INTERRUPT = 1;

// 2.7.8 The Virtqueue Used Ring (device -> driver): flags, idx, ring[num] of {id, len}, avail_event.
struct VirtqUsedElem {
    uint32_t id;      // head descriptor of the chain the device is done with
    uint32_t len;     // bytes it wrote into the chain's device-writable buffers
};
struct VirtqUsed {
    uint16_t flags;
    uint16_t idx;
    VirtqUsedElem ring[];
};

static_assert(sizeof(VirtqDesc) == 16 && sizeof(VirtqUsedElem) == 8, "virtio ring layout");

// Where the parts of a queue of `num` entries go in one physically contiguous
// block, legacy style: descriptors, then the available ring, then (at the next
// `align` boundary, 4096 for the legacy PCI transport) the used ring.
struct VringLayout {
    size_t desc_offset;
    size_t avail_offset;
    size_t used_offset;
    size_t total;        // bytes of the whole block
};

constexpr size_t align_up(size_t value, size_t align) { return (value + align - 1) & ~(align - 1); }

constexpr VringLayout legacy_layout(uint16_t num, size_t align = 4096)
{
    size_t desc = 0;
    size_t avail = desc + sizeof(VirtqDesc) * num;
    size_t used = align_up(avail + sizeof(uint16_t) * (3 + num), align);
    size_t total = align_up(used + sizeof(uint16_t) * 3 + sizeof(VirtqUsedElem) * num, align);
    return { desc, avail, used, total };
}

// A queue size the spec allows: a power of two, at most 32768 (2.7 "Queue Size").
constexpr bool valid_queue_size(uint32_t num) { return num != 0 && num <= 32768 && (num & (num - 1)) == 0; }

// The ring slot of a free-running index (the indices wrap at 65536, the ring at num).
constexpr uint16_t ring_slot(uint16_t index, uint16_t num) { return static_cast<uint16_t>(index & (num - 1)); }

// How many used entries the device added since the driver last looked.
constexpr uint16_t used_pending(uint16_t device_used_idx, uint16_t last_seen) { return static_cast<uint16_t>(device_used_idx - last_seen); }

} // namespace libk::virtio
