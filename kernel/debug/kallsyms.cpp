// Linux's kallsyms for modules and user space: kallsyms_lookup_name and
// sprint_symbol over the kernel's embedded table and the modules' symbols,
// and /proc/kallsyms in Linux's format (addresses shown to root only, as with
// kptr_restrict: others read zeros).
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <kernel/initcall.h>
#include <linux/kallsyms.h>

extern "C" unsigned long kallsyms_lookup_name(const char* name)
{
    if (!name || !*name)
        return 0;
    if (uintptr_t address = libk::strchr(name, ':') ? 0 : kernel_kallsyms_lookup_name(name))
        return address;
    preempt_disable();   // a module unloading now must not vanish under the walk
    uintptr_t address = module_kallsyms_lookup_name(name);
    preempt_enable();
    return address;
}

extern "C" int sprint_symbol(char* buffer, unsigned long address)
{
    if (int length = lookup_symbol(address, buffer, KSYM_SYMBOL_LEN, true))
        return length;
    return libk::scnprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address);
}

extern "C" int sprint_symbol_no_offset(char* buffer, unsigned long address)
{
    if (int length = lookup_symbol(address, buffer, KSYM_SYMBOL_LEN, false))
        return length;
    return libk::scnprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address);
}

extern "C" int sprint_backtrace(char* buffer, unsigned long address)
{
    if (int length = lookup_return_address(address, buffer, KSYM_SYMBOL_LEN))
        return length;
    return libk::scnprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address);
}

extern "C" int lookup_symbol_name(unsigned long address, char* symname)
{
    symname[0] = '\0';
    if (!lookup_symbol(address, symname, KSYM_NAME_LEN, false))
        return -ERANGE;
    if (char* module_part = libk::strchr(symname, ' '))   // "name [module]"
        *module_part = '\0';
    return 0;
}

EXPORT_SYMBOL_GPL(kallsyms_lookup_name);
EXPORT_SYMBOL_GPL(sprint_symbol);
EXPORT_SYMBOL_GPL(sprint_symbol_no_offset);
EXPORT_SYMBOL_GPL(sprint_backtrace);
EXPORT_SYMBOL_GPL(lookup_symbol_name);

namespace {

struct KallsymsListing {
    ProcBuffer* out;
    bool show_values;
};

void show_kernel_symbol(const char* name, uintptr_t address, char type, void* context)
{
    auto* listing = static_cast<KallsymsListing*>(context);
    listing->out->printf("%08lx %c %s\n", listing->show_values ? static_cast<unsigned long>(address) : 0ul, type,
        name);
}

void show_module_symbol(const char* module_name, const char* name, uintptr_t address, char type, void* context)
{
    auto* listing = static_cast<KallsymsListing*>(context);
    listing->out->printf("%08lx %c %s\t[%s]\n", listing->show_values ? static_cast<unsigned long>(address) : 0ul,
        type, name, module_name);
}

// /proc/kallsyms: the kernel's symbols in address order, then each module's.
void show_kallsyms(ProcBuffer& out, Task*, void*)
{
    KallsymsListing listing { &out, capable(CAP_SYSLOG) };
    kernel_kallsyms_on_each(show_kernel_symbol, &listing);
    preempt_disable();
    module_kallsyms_on_each(show_module_symbol, &listing);
    preempt_enable();
}

int kallsyms_proc_init()
{
    return proc_create_show("kallsyms", 0444, nullptr, show_kallsyms, nullptr) ? 0 : -ENOMEM;
}

} // namespace

fs_initcall(kallsyms_proc_init);
