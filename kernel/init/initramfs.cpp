// The initramfs: GRUB hands it over as a boot module. Unpacking it into the
// root ramfs comes with the VFS (the user-space issue); until then the kernel
// checks it is a cpio archive and reports it.
#include <arch/x86.h>
#include <kernel/init.h>
#include <libk/string.h>
#include <linux/printk.h>

void populate_rootfs()
{
    const libk::BootInfo& info = boot_params.boot_info;
    if (info.module_count == 0) {
        pr_info("initramfs: none given by the boot loader\n");
        return;
    }
    const libk::BootModule& module = info.modules[0];
    const auto* data = static_cast<const char*>(arch::phys_to_virt(module.start));
    size_t size = module.end - module.start;
    bool is_cpio = size >= 6 && libk::memcmp(data, "070701", 6) == 0;
    pr_info("Trying to unpack rootfs image as initramfs... %u bytes at %08x (%s)\n", static_cast<unsigned>(size),
        module.start, is_cpio ? "cpio newc" : "not a cpio newc archive");
}
