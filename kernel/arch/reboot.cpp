// Leaving the machine: QEMU's isa-debug-exit for tests, the keyboard
// controller's reset line for reboot, and halting.
#include <arch/x86.h>
#include <kernel/init.h>
#include <linux/printk.h>

namespace {
constexpr uint16_t isa_debug_exit_port = 0xf4;   // -device isa-debug-exit,iobase=0xf4,iosize=0x04
}

void qemu_test_exit(int code)
{
    // Without the device this write goes nowhere, and we carry on.
    arch::outb(isa_debug_exit_port, static_cast<uint8_t>(code));
}

void machine_restart()
{
    printk(KERN_EMERG "Restarting system.\n");
    arch::local_irq_disable();
    for (int tries = 0; tries < 100000; ++tries) {
        if (!(arch::inb(0x64) & 0x02))   // input buffer empty
            break;
    }
    arch::outb(0x64, 0xFE);              // pulse the CPU reset line
    arch::halt_forever();
}

void machine_halt()
{
    printk(KERN_EMERG "System halted.\n");
    arch::halt_forever();
}
