// The legacy virtio PCI transport: device initialization (virtio 1.x spec,
// "3.1 Device Initialization" with the legacy registers of "4.1.4.8 Legacy
// Interfaces: A Note on PCI Device Layout") and split virtqueues ("2.7 Split
// Virtqueues", legacy layout of 2.7.2).
#include "virtio_pci.h"
#include <arch/x86.h>
#include <kernel/mm.h>
#include <libk/pci_caps.h>
#include <libk/string.h>
#include <linux/printk.h>

namespace v = libk::virtio;

namespace {

inline void compiler_barrier() { asm volatile("" : : : "memory"); }

void set_status(VirtioDevice& dev, uint8_t bits)
{
    uint8_t status = arch::inb(static_cast<uint16_t>(dev.io + VIRTIO_PCI_STATUS));
    arch::outb(static_cast<uint16_t>(dev.io + VIRTIO_PCI_STATUS), status | bits);
}

unsigned order_for(size_t bytes)
{
    unsigned order = 0;
    while ((static_cast<size_t>(arch::page_size) << order) < bytes)
        ++order;
    return order;
}

} // namespace

bool virtio_pci_legacy_init(VirtioDevice& dev, PciAddress at, uint32_t wanted, uint32_t& features)
{
    uint32_t bar0 = pci_read32(at, PCI_BAR0);
    if (!(bar0 & 1))
        return false;   // a memory BAR: a modern-only device, not ours
    dev.pci = at;
    dev.io = static_cast<uint16_t>(bar0 & ~3u);
    dev.irq = pci_read8(at, PCI_INTERRUPT_LINE);
    // I/O decoding for the registers, bus mastering so the device may reach the
    // rings in memory, and INTx on (PCI Local Bus spec 6.2.2, Command register).
    uint16_t command = pci_read16(at, PCI_COMMAND);
    command = static_cast<uint16_t>((command | PCI_COMMAND_IO | PCI_COMMAND_MASTER) & ~PCI_COMMAND_INTX_DISABLE);
    pci_write16(at, PCI_COMMAND, command);

    // 3.1.1 steps 1-3: reset (write 0), then ACKNOWLEDGE (we saw it) and DRIVER (we can drive it).
    arch::outb(static_cast<uint16_t>(dev.io + VIRTIO_PCI_STATUS), 0);
    set_status(dev, VIRTIO_STATUS_ACKNOWLEDGE);
    set_status(dev, VIRTIO_STATUS_DRIVER);
    // Step 4: feature negotiation. Legacy devices have 32 feature bits and no FEATURES_OK step.
    uint32_t offered = arch::inl(static_cast<uint16_t>(dev.io + VIRTIO_PCI_HOST_FEATURES));
    features = offered & wanted;
    arch::outl(static_cast<uint16_t>(dev.io + VIRTIO_PCI_GUEST_FEATURES), features);
    return true;
}

unsigned virtio_pci_modern_capabilities(PciAddress at)
{
    uint8_t config[256];
    for (unsigned offset = 0; offset < sizeof(config); offset += 4) {
        uint32_t dword = pci_read32(at, static_cast<uint8_t>(offset));
        for (unsigned i = 0; i < 4; ++i)
            config[offset + i] = static_cast<uint8_t>(dword >> (8 * i));
    }
    unsigned count = 0;
    for (uint8_t cap = libk::pci::find_capability(config, libk::pci::cap_id_vendor); cap;
         cap = libk::pci::find_capability(config, libk::pci::cap_id_vendor, cap))
        ++count;
    return count;
}

void virtio_driver_ok(VirtioDevice& dev)
{
    set_status(dev, VIRTIO_STATUS_DRIVER_OK);
}

void virtio_fail(VirtioDevice& dev)
{
    set_status(dev, VIRTIO_STATUS_FAILED);
}

uint8_t virtio_config_read8(VirtioDevice& dev, unsigned offset)
{
    return arch::inb(static_cast<uint16_t>(dev.io + VIRTIO_PCI_CONFIG + offset));
}

uint8_t virtio_read_isr(VirtioDevice& dev)
{
    return arch::inb(static_cast<uint16_t>(dev.io + VIRTIO_PCI_ISR));
}

bool virtqueue_setup(Virtqueue& vq, VirtioDevice& dev, uint16_t index)
{
    // 4.1.5.1.3: select the queue, read its size (0: no such queue), check it is unused.
    arch::outw(static_cast<uint16_t>(dev.io + VIRTIO_PCI_QUEUE_SEL), index);
    uint16_t num = arch::inw(static_cast<uint16_t>(dev.io + VIRTIO_PCI_QUEUE_NUM));
    if (!v::valid_queue_size(num) || arch::inl(static_cast<uint16_t>(dev.io + VIRTIO_PCI_QUEUE_PFN)) != 0)
        return false;
    // The legacy queue is one physically contiguous, page-aligned, zeroed block.
    v::VringLayout layout = v::legacy_layout(num);
    unsigned order = order_for(layout.total);
    void* memory = alloc_pages(order);
    if (!memory)
        return false;
    libk::memset(memory, 0, static_cast<size_t>(arch::page_size) << order);
    auto* base = static_cast<uint8_t*>(memory);
    vq = Virtqueue { &dev, index, num, order, memory, reinterpret_cast<v::VirtqDesc*>(base + layout.desc_offset),
        reinterpret_cast<v::VirtqAvail*>(base + layout.avail_offset),
        reinterpret_cast<v::VirtqUsed*>(base + layout.used_offset), 0 };
    arch::outl(static_cast<uint16_t>(dev.io + VIRTIO_PCI_QUEUE_PFN),
        static_cast<uint32_t>(arch::virt_to_phys(memory) >> VIRTIO_PCI_QUEUE_ADDR_SHIFT));
    return true;
}

void virtqueue_submit(Virtqueue& vq, const VirtqBuffer* out, unsigned n_out, const VirtqBuffer* in, unsigned n_in)
{
    // 2.7.13.1: place the buffers in the descriptor table, chained by `next`.
    unsigned total = n_out + n_in;
    for (unsigned i = 0; i < total; ++i) {
        const VirtqBuffer& buffer = i < n_out ? out[i] : in[i - n_out];
        v::VirtqDesc& d = vq.desc[i];
        d.addr = arch::virt_to_phys(buffer.data);
        d.len = buffer.length;
        d.flags = static_cast<uint16_t>((i < n_out ? 0 : v::VIRTQ_DESC_F_WRITE) | (i + 1 < total ? v::VIRTQ_DESC_F_NEXT : 0));
        d.next = static_cast<uint16_t>(i + 1 < total ? i + 1 : 0);
    }
    // 2.7.13.2: the chain's head into the next available slot; 2.7.13.3: the
    // descriptors must be visible before idx moves (x86 keeps stores in order,
    // the barrier keeps the compiler from reordering them).
    vq.avail->ring[v::ring_slot(vq.avail->idx, vq.num)] = 0;
    compiler_barrier();
    vq.avail->idx = static_cast<uint16_t>(vq.avail->idx + 1);
    compiler_barrier();
    // 2.7.13.4 / 4.1.5.2: notify the device by writing the queue index.
    arch::outw(static_cast<uint16_t>(vq.dev->io + VIRTIO_PCI_QUEUE_NOTIFY), vq.index);
}

bool virtqueue_poll_used(Virtqueue& vq, uint32_t& length)
{
    compiler_barrier();
    uint16_t device_idx = *static_cast<volatile uint16_t*>(&vq.used->idx);
    if (v::used_pending(device_idx, vq.last_used) == 0)
        return false;
    compiler_barrier();
    const v::VirtqUsedElem& elem = vq.used->ring[v::ring_slot(vq.last_used, vq.num)];
    length = elem.len;
    vq.last_used = static_cast<uint16_t>(vq.last_used + 1);
    return true;
}

void virtqueue_free(Virtqueue& vq)
{
    if (vq.memory)
        free_pages(vq.memory, vq.order);
    vq.memory = nullptr;
}
