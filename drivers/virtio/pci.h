// PCI configuration space through the PC's mechanism #1 (ports 0xCF8/0xCFC),
// and a scan of the buses for a device by vendor and device id: what the virtio
// transport needs of PCI, nothing more.
#pragma once

#include <stdint.h>

struct PciAddress {
    uint8_t bus, slot, function;
};

// Standard header (type 0) offsets (PCI Local Bus spec 6.1).
constexpr uint8_t PCI_VENDOR_ID = 0x00, PCI_DEVICE_ID = 0x02, PCI_COMMAND = 0x04, PCI_STATUS = 0x06,
                  PCI_HEADER_TYPE = 0x0e, PCI_BAR0 = 0x10, PCI_SUBSYSTEM_ID = 0x2e, PCI_CAPABILITY_LIST = 0x34,
                  PCI_INTERRUPT_LINE = 0x3c;
constexpr uint16_t PCI_COMMAND_IO = 0x1, PCI_COMMAND_MASTER = 0x4, PCI_COMMAND_INTX_DISABLE = 0x400;
constexpr uint16_t PCI_STATUS_CAP_LIST = 0x10;

uint32_t pci_read32(PciAddress at, uint8_t offset);
uint16_t pci_read16(PciAddress at, uint8_t offset);
uint8_t pci_read8(PciAddress at, uint8_t offset);
void pci_write16(PciAddress at, uint8_t offset, uint16_t value);

// Calls `found` for every function whose ids match, in bus/slot/function order.
void pci_for_each_device(uint16_t vendor, uint16_t device_low, uint16_t device_high,
    void (*found)(PciAddress at, uint16_t device, void* context), void* context);
