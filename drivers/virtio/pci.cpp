// PCI configuration space access, mechanism #1 (PCI Local Bus spec 3.2.2.3.2):
// write bus/slot/function/register to 0xCF8, then read or write 0xCFC.
#include "pci.h"
#include <arch/x86.h>
#include <kernel/spinlock.h>

namespace {

constexpr uint16_t config_address = 0xcf8, config_data = 0xcfc;
constinit SpinLock pci_lock;   // the address/data pair is one shared register window

uint32_t address_of(PciAddress at, uint8_t offset)
{
    return 0x80000000u | static_cast<uint32_t>(at.bus) << 16 | static_cast<uint32_t>(at.slot) << 11
        | static_cast<uint32_t>(at.function) << 8 | (offset & 0xfc);
}

} // namespace

uint32_t pci_read32(PciAddress at, uint8_t offset)
{
    SpinLockGuard guard(pci_lock);
    arch::outl(config_address, address_of(at, offset));
    return arch::inl(config_data);
}

uint16_t pci_read16(PciAddress at, uint8_t offset)
{
    return static_cast<uint16_t>(pci_read32(at, offset) >> ((offset & 2) * 8));
}

uint8_t pci_read8(PciAddress at, uint8_t offset)
{
    return static_cast<uint8_t>(pci_read32(at, offset) >> ((offset & 3) * 8));
}

void pci_write16(PciAddress at, uint8_t offset, uint16_t value)
{
    SpinLockGuard guard(pci_lock);
    arch::outl(config_address, address_of(at, offset));
    arch::outw(static_cast<uint16_t>(config_data + (offset & 2)), value);
}

void pci_for_each_device(uint16_t vendor, uint16_t device_low, uint16_t device_high,
    void (*found)(PciAddress at, uint16_t device, void* context), void* context)
{
    for (unsigned bus = 0; bus < 256; ++bus) {
        for (uint8_t slot = 0; slot < 32; ++slot) {
            PciAddress first { static_cast<uint8_t>(bus), slot, 0 };
            if (pci_read16(first, PCI_VENDOR_ID) == 0xffff)
                continue;   // nothing in this slot
            // Bit 7 of the header type: a multi-function device has functions 1-7 too.
            uint8_t functions = (pci_read8(first, PCI_HEADER_TYPE) & 0x80) ? 8 : 1;
            for (uint8_t function = 0; function < functions; ++function) {
                PciAddress at { static_cast<uint8_t>(bus), slot, function };
                uint32_t ids = pci_read32(at, PCI_VENDOR_ID);
                uint16_t device = static_cast<uint16_t>(ids >> 16);
                if ((ids & 0xffff) == vendor && device >= device_low && device <= device_high)
                    found(at, device, context);
            }
        }
    }
}
