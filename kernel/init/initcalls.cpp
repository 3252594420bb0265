// Runs the initcalls level by level (pure, core, postcore, arch, subsys, fs,
// device, late). With initcall_debug each call is logged as Linux logs it.
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/time.h>
#include <linux/printk.h>

extern "C" const initcall_entry __initcall_start[], __initcall_end[];

void do_initcalls()
{
    for (const initcall_entry* entry = __initcall_start; entry < __initcall_end; ++entry) {
        auto address = reinterpret_cast<void*>(entry->fn);
        uint64_t start = 0;
        if (boot_params.initcall_debug) {
            printk(KERN_DEBUG "calling  %pS @ %d\n", address, 0);
            start = local_clock();
        }
        int result = entry->fn();
        if (boot_params.initcall_debug) {
            uint64_t usecs = (local_clock() - start) / 1000;
            printk(KERN_DEBUG "initcall %pS returned %d after %llu usecs\n", address, result,
                static_cast<unsigned long long>(usecs));
        }
        if (result != 0 && result != -19 /* -ENODEV: no such hardware, not an error */)
            pr_warn("initcall %s returned %d\n", entry->name, result);
    }
}
