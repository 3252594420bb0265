// What a relocated module's own tables point at: struct module's init and exit,
// the names of its exports and parameters, its parameter operations. Checked
// before the loader follows any of them, so a crafted .ko is -ENOEXEC, not an oops.
#include "internal.h"
#include <kernel/kallsyms.h>
#include <libk/elf_rel.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>

extern "C" char _kernel_start[], _kernel_end[];

namespace {

struct Checker {
    const libk::RelocatableObject& object;
    uint32_t load_address;
    const char* name;   // the module's, for the log

    const libk::RelSection* section(const void* pointer, uint32_t size) const
    {
        return object.section_at(load_address, reinterpret_cast<uint32_t>(pointer), size);
    }

    // Code that runs: in one of the module's code sections (init ones only if `init_ok`).
    bool is_code(const void* pointer, bool init_ok) const
    {
        const libk::RelSection* in = section(pointer, 1);
        return in && (in->flags & libk::shf_execinstr) && (init_ok || !libk::RelocatableObject::is_init_section(*in));
    }

    // A name the module keeps: NUL-terminated inside one section that stays after init.
    bool is_string(const char* pointer) const
    {
        const libk::RelSection* in = section(pointer, 1);
        if (!in || libk::RelocatableObject::is_init_section(*in))
            return false;
        size_t room = load_address + in->layout_offset + in->size - reinterpret_cast<uint32_t>(pointer);
        return libk::strnlen(pointer, room) < room;
    }

    // Data of the module that stays after init, `size` bytes of it.
    bool is_data(const void* pointer, uint32_t size) const
    {
        const libk::RelSection* in = section(pointer, size);
        return in && !libk::RelocatableObject::is_init_section(*in);
    }

    libk::Error invalid(const char* table, unsigned index, const char* what) const
    {
        pr_err("module: %s: %s entry %u has an invalid %s\n", name, table, index, what);
        return libk::Error::from_errno(ENOEXEC);
    }
};

bool in_kernel_image(const void* pointer, size_t size)
{
    auto address = reinterpret_cast<uintptr_t>(pointer);
    return address >= reinterpret_cast<uintptr_t>(_kernel_start)
        && address + size <= reinterpret_cast<uintptr_t>(_kernel_end) && address + size >= address;
}

libk::ErrorOr<void> check_symbols(const Checker& check, const kernel_symbol* symbols, unsigned count, const char* table)
{
    for (unsigned i = 0; i < count; ++i)
        if (!check.is_string(symbols[i].name))
            return check.invalid(table, i, "name pointer");
    return {};
}

// The operations a parameter's set/get/free go through: the kernel's own
// (param_ops_int, ...) or the module's, whose functions must be its code.
libk::ErrorOr<void> check_param(const Checker& check, const kernel_param& param, unsigned index)
{
    if (!check.is_string(param.name))
        return check.invalid("__param", index, "name pointer");
    const kernel_param_ops* ops = param.ops;
    if (in_kernel_image(ops, sizeof(*ops))) {
        // The kernel's operations dereference arg: it must be the module's variable.
        if (!check.is_data(param.arg, 1))
            return check.invalid("__param", index, "arg pointer");
        return {};
    }
    if (!check.is_data(ops, sizeof(*ops)))
        return check.invalid("__param", index, "ops pointer");
    const void* functions[] = { reinterpret_cast<const void*>(ops->set), reinterpret_cast<const void*>(ops->get),
        reinterpret_cast<const void*>(ops->free) };
    for (const void* function : functions)
        if (function && !check.is_code(function, false)
            && !kernel_text_address(reinterpret_cast<uintptr_t>(function)))
            return check.invalid("__param", index, "ops function");
    return {};
}

} // namespace

libk::ErrorOr<void> check_module_pointers(module* mod, const libk::RelocatableObject& object)
{
    Checker check { object, reinterpret_cast<uint32_t>(mod->core), mod->name };
    if (mod->init && !check.is_code(reinterpret_cast<const void*>(mod->init), true)) {
        pr_err("module: %s: init is not in the module's code\n", mod->name);
        return libk::Error::from_errno(ENOEXEC);
    }
    if (mod->exit && !check.is_code(reinterpret_cast<const void*>(mod->exit), false)) {
        pr_err("module: %s: exit is not in the module's code\n", mod->name);
        return libk::Error::from_errno(ENOEXEC);
    }
    TRY(check_symbols(check, mod->syms, mod->num_syms, "__ksymtab"));
    TRY(check_symbols(check, mod->gpl_syms, mod->num_gpl_syms, "__ksymtab_gpl"));
    for (unsigned i = 0; i < mod->num_kp; ++i)
        TRY(check_param(check, mod->kp[i], i));
    return {};
}
