// A virtio device on the PCI bus through the legacy (virtio 0.9.5) I/O-port
// interface, and its split virtqueues. Why legacy: QEMU's virtio-9p-pci is
// transitional (it has both BAR0 I/O ports and the modern capabilities), and
// the legacy registers are 20 bytes of port I/O, so the whole transport reads
// in one sitting and needs no MMIO mapping; kernlab has no ioremap yet. The
// modern interface (4.1.4 "Virtio Structure PCI Capabilities") is what a
// device without BAR0 I/O (device id 0x1040+) would need.
#pragma once

#include "pci.h"
#include <libk/virtio_ring.h>
#include <stddef.h>
#include <stdint.h>

// 4.1.4.8 Legacy Interfaces: A Note on PCI Device Layout (offsets in BAR0).
constexpr uint16_t VIRTIO_PCI_HOST_FEATURES = 0, VIRTIO_PCI_GUEST_FEATURES = 4, VIRTIO_PCI_QUEUE_PFN = 8,
                   VIRTIO_PCI_QUEUE_NUM = 12, VIRTIO_PCI_QUEUE_SEL = 14, VIRTIO_PCI_QUEUE_NOTIFY = 16,
                   VIRTIO_PCI_STATUS = 18, VIRTIO_PCI_ISR = 19,
                   VIRTIO_PCI_CONFIG = 20;   // device-specific configuration, with MSI-X off
constexpr unsigned VIRTIO_PCI_QUEUE_ADDR_SHIFT = 12;   // the queue PFN is in 4096-byte units

// 2.1 Device Status Field.
constexpr uint8_t VIRTIO_STATUS_ACKNOWLEDGE = 1, VIRTIO_STATUS_DRIVER = 2, VIRTIO_STATUS_DRIVER_OK = 4,
                  VIRTIO_STATUS_FAILED = 128;
constexpr uint8_t VIRTIO_ISR_QUEUE = 1;   // 4.1.4.5 ISR status: bit 0 is a used-ring update

struct VirtioDevice {
    PciAddress pci;
    uint16_t io;       // BAR0 I/O base
    unsigned irq;      // the PCI interrupt line (INTx through the 8259)
};

// 3.1.1 Device Initialization, steps 1-5: reset, ACKNOWLEDGE, DRIVER, read the
// device's features and write back the subset the driver knows (`wanted`).
// Returns the negotiated features; false when BAR0 is not an I/O BAR.
bool virtio_pci_legacy_init(VirtioDevice& dev, PciAddress at, uint32_t wanted, uint32_t& features);
// How many virtio vendor capabilities (4.1.4 "Virtio Structure PCI
// Capabilities") the device has: a transitional device has both interfaces.
unsigned virtio_pci_modern_capabilities(PciAddress at);
// Step 8: DRIVER_OK; the device is live.
void virtio_driver_ok(VirtioDevice& dev);
// Something failed: FAILED status, the device stops using our memory.
void virtio_fail(VirtioDevice& dev);
uint8_t virtio_config_read8(VirtioDevice& dev, unsigned offset);
// Reads (and so acknowledges) the ISR status: 4.1.4.5.
uint8_t virtio_read_isr(VirtioDevice& dev);

// One split virtqueue in guest memory (2.7), legacy layout.
struct Virtqueue {
    VirtioDevice* dev;
    uint16_t index;
    uint16_t num;
    unsigned order;                       // ring memory: 2^order pages
    void* memory;
    libk::virtio::VirtqDesc* desc;
    libk::virtio::VirtqAvail* avail;
    libk::virtio::VirtqUsed* used;
    uint16_t last_used;                   // used->idx already consumed
};

// A buffer in the direct map (kmalloc or alloc_pages memory: physically contiguous).
struct VirtqBuffer {
    void* data;
    uint32_t length;
};

// 4.1.5.1.3 Virtqueue Configuration (legacy): size from the device, ring memory
// allocated and its page number written. Step 7 of 3.1.1.
bool virtqueue_setup(Virtqueue& vq, VirtioDevice& dev, uint16_t index);
// Hands one chain to the device (2.7.13 Supplying Buffers to The Device): the
// `out` buffers it reads, then the `in` buffers it writes, then notifies it
// (2.7.13.3). kernlab keeps one chain in flight per queue, so the chain always
// starts at descriptor 0; n_out + n_in must not exceed num.
void virtqueue_submit(Virtqueue& vq, const VirtqBuffer* out, unsigned n_out, const VirtqBuffer* in, unsigned n_in);
// True when the device has returned a chain (2.7.14 Receiving Used Buffers); its
// written length in `length`.
bool virtqueue_poll_used(Virtqueue& vq, uint32_t& length);
void virtqueue_free(Virtqueue& vq);
