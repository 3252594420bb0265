// reboot(2): power off, restart or halt, after the magic numbers Linux wants.
#include <arch/x86.h>
#include <kernel/init.h>
#include <kernel/sched.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/reboot.h>

namespace {

[[noreturn]] void machine_power_off()
{
    printk(KERN_EMERG "reboot: Power down\n");
    if (boot_params.test_exit)
        qemu_test_exit(qemu_exit_success);
    arch::local_irq_disable();
    arch::outw(0x604, 0x2000);    // QEMU's ACPI PM1a control: sleep type 5 (soft off)
    arch::outw(0xB004, 0x2000);   // older QEMU and Bochs
    machine_halt();
}

} // namespace

extern "C" long sys_reboot(int magic1, int magic2, unsigned int command, void __user*)
{
    if (current->cred.euid != 0)
        return -EPERM;
    if (static_cast<unsigned>(magic1) != LINUX_REBOOT_MAGIC1
        || (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A && magic2 != LINUX_REBOOT_MAGIC2B
            && magic2 != LINUX_REBOOT_MAGIC2C))
        return -EINVAL;
    switch (command) {
    case LINUX_REBOOT_CMD_CAD_ON:
    case LINUX_REBOOT_CMD_CAD_OFF:
        return 0;
    case LINUX_REBOOT_CMD_POWER_OFF:
        machine_power_off();
    case LINUX_REBOOT_CMD_RESTART:
        printk(KERN_EMERG "reboot: Restarting system\n");
        if (boot_params.test_exit)
            qemu_test_exit(qemu_exit_success);
        machine_restart();
    case LINUX_REBOOT_CMD_HALT:
        machine_halt();
    default:
        return -EINVAL;
    }
}
