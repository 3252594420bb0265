// Loading a module: check the ELF image, place and relocate its sections,
// find its struct module (__this_module, made by the build kit), set its
// parameters and run its init. Malformed input is an error code, never a crash.
#include "internal.h"
#include <arch/x86.h>
#include <kernel/init.h>
#include <kernel/kprobes.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <libk/elf_rel.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <stddef.h>

using libk::Error;
using libk::ErrorOr;

module* modules = nullptr;

namespace {

struct ResolveContext {
    module* mod;
    bool gpl_ok;
    const char* missing;
};

void add_use(module* source, module* target)
{
    for (module_use* use = source->source_list; use; use = use->next_in_source)
        if (use->target == target)
            return;
    auto* use = static_cast<module_use*>(kzalloc(sizeof(module_use), GFP_KERNEL));
    if (!use)
        return;
    *use = { source, target, source->source_list, target->target_list };
    source->source_list = use;
    target->target_list = use;
}

uint32_t resolve(const char* name, void* argument)
{
    auto* context = static_cast<ResolveContext*>(argument);
    unsigned long value;
    module* owner;
    if (!find_exported_symbol(name, context->gpl_ok, value, &owner))
        return 0;
    if (owner)
        add_use(context->mod, owner);
    return static_cast<uint32_t>(value);
}

template<typename T>
T* section_in(const libk::RelocatableObject& object, void* core, const char* name, unsigned& count)
{
    const libk::RelSection* section = object.find_section(name);
    count = section && section->allocated ? section->size / sizeof(T) : 0;
    return count ? reinterpret_cast<T*>(static_cast<char*>(core) + section->layout_offset) : nullptr;
}

// Parameters given on the kernel command line as "<module>.<param>=value".
void apply_boot_params(module* mod)
{
    const libk::Cmdline& cmdline = boot_params.cmdline;
    size_t name_length = libk::strlen(mod->name);
    char args[512] = "";
    for (size_t i = 0; i < cmdline.init_args_begin(); ++i) {
        const libk::CmdlineParam& param = cmdline[i];
        if (param.key.length() <= name_length + 1 || param.key[name_length] != '.'
            || !libk::cmdline_key_equal(param.key.substring(0, name_length), mod->name))
            continue;
        size_t used = libk::strlen(args);
        libk::StringView rest = param.key.substring(name_length + 1);
        if (used + rest.length() + param.value.length() + 5 >= sizeof(args))
            break;
        char* out = args + used;
        if (used)
            *out++ = ' ';
        rest.copy_to(out, rest.length() + 1);
        out += rest.length();
        if (param.has_value) {
            *out++ = '=';
            *out++ = '"';
            param.value.copy_to(out, param.value.length() + 1);
            out += param.value.length();
            *out++ = '"';
            *out = '\0';
        }
    }
    apply_module_params(mod, args);
}

void release_module_memory(module* mod, void* core)
{
    kprobes_module_going(reinterpret_cast<uintptr_t>(core), mod->core_size + mod->init_size);
    for (unsigned i = 0; i < mod->num_kp; ++i)
        if (mod->kp[i].ops && mod->kp[i].ops->free)
            mod->kp[i].ops->free(mod->kp[i].arg);
    while (module_use* use = mod->source_list) {
        mod->source_list = use->next_in_source;
        for (module_use** link = &use->target->target_list; *link; link = &(*link)->next_in_target) {
            if (*link == use) {
                *link = use->next_in_target;
                break;
            }
        }
        kfree(use);
    }
    kfree(mod->args);
    kfree(mod->modinfo);
    free_module_debug_info(mod);
    vfree(core);
}

void unlink_module(module* mod)
{
    for (module** link = &modules; *link; link = &(*link)->next) {
        if (*link == mod) {
            *link = mod->next;
            return;
        }
    }
}

// As Linux's do_init_module: the __init code and __initdata are not needed once
// init succeeded. Their symbols go first, so no oops or lookup names freed memory.
void free_module_init(module* mod)
{
    if (!mod->init_size)
        return;
    forget_init_symbols(mod);
    kprobes_module_going(reinterpret_cast<uintptr_t>(mod->init_area), mod->init_size);
    // The part of the core's last page it shared reads as zeros, as past a Linux
    // module's .bss (the 2.6 guide's procfs4 reads 8 bytes of a 4-byte counter).
    libk::memset(mod->init_area, 0, mod->init_size);
    mod->init_area = nullptr;
    mod->init_size = 0;
    vmalloc_shrink(mod->core, mod->core_size);
}

} // namespace

void free_module(module* mod)
{
    mod_sysfs_teardown(mod);
    unlink_module(mod);
    release_module_memory(mod, mod->core);
}

ErrorOr<module*> load_module(const void* image, size_t size, const char* args)
{
    // 14 KiB of section bookkeeping: too big for a kernel stack. The loader
    // runs under the module mutex, so one static object serves.
    static libk::RelocatableObject object;
    const char* reason = nullptr;
    if (object.parse(image, size, &reason)) {
        pr_err("module: invalid ELF module: %s\n", reason ? reason : "malformed");
        return Error::from_errno(ENOEXEC);
    }
    // The sections the loader reads must have contents (Linux: "has no/invalid ...").
    const libk::RelSection* this_module = nullptr;
    if (object.find_contents(".gnu.linkonce.this_module", 1, true, &this_module, &reason)) {
        pr_err("module: .gnu.linkonce.this_module %s\n", reason);
        return Error::from_errno(ENOEXEC);
    }
    if (!this_module || this_module->size != sizeof(module)) {
        pr_err("module: no struct module (.gnu.linkonce.this_module): not built with the kernlab module kit?\n");
        return Error::from_errno(ENOEXEC);
    }
    const auto* file_module = static_cast<const module*>(object.section_data(*this_module));
    size_t name_length = libk::strnlen(file_module->name, MODULE_NAME_LEN);
    if (name_length == 0 || name_length == MODULE_NAME_LEN) {
        pr_err("module: .gnu.linkonce.this_module has no valid name\n");
        return Error::from_errno(ENOEXEC);
    }
    char name[MODULE_NAME_LEN];
    libk::strlcpy(name, file_module->name, sizeof(name));

    const libk::RelSection* info = nullptr;
    if (object.find_contents(".modinfo", 1, false, &info, &reason)) {
        pr_err("module: %s: .modinfo %s\n", name, reason);
        return Error::from_errno(ENOEXEC);
    }
    const struct {
        const char* name;
        uint32_t entry_size;
    } tables[] = { { "__ksymtab", sizeof(kernel_symbol) }, { "__ksymtab_gpl", sizeof(kernel_symbol) },
        { "__param", sizeof(kernel_param) } };
    for (const auto& table : tables) {
        const libk::RelSection* found;
        if (object.find_contents(table.name, table.entry_size, true, &found, &reason)) {
            pr_err("module: %s: %s %s\n", name, table.name, reason);
            return Error::from_errno(ENOEXEC);
        }
    }
    const char* modinfo = info ? static_cast<const char*>(object.section_data(*info)) : nullptr;
    size_t modinfo_size = info ? info->size : 0;
    const char* vermagic = modinfo_get(modinfo, modinfo_size, "vermagic");
    if (!vermagic || libk::strcmp(vermagic, VERMAGIC_STRING) != 0) {
        pr_err("%s: version magic '%s' should be '%s'\n", name, vermagic ? vermagic : "", VERMAGIC_STRING);
        return Error::from_errno(ENOEXEC);
    }
    for (module* loaded = modules; loaded; loaded = loaded->next)
        if (libk::strcmp(loaded->name, name) == 0)
            return Error::from_errno(EEXIST);

    size_t core_size = 0;
    size_t total_size = object.layout_module(arch::page_size, &core_size);
    void* core = vzalloc(total_size ? total_size : 1);
    if (!core)
        return Error::from_errno(ENOMEM);
    object.copy_sections(core);
    auto* mod = reinterpret_cast<module*>(static_cast<char*>(core) + this_module->layout_offset);

    // The module's own record, before relocation: the loader's fields start clean
    // (whatever the file held there, release_module_memory must not follow it).
    mod->state = MODULE_STATE_UNFORMED;
    mod->next = nullptr;
    libk::memset(&mod->core, 0, sizeof(module) - offsetof(module, core));
    const char* license = modinfo_get(modinfo, modinfo_size, "license");
    mod->gpl_compatible = license && license_is_gpl_compatible(license);

    ResolveContext context { mod, mod->gpl_compatible, nullptr };
    const char* bad_symbol = nullptr;
    int error = object.relocate(core, reinterpret_cast<uint32_t>(core), resolve, &context, &reason, &bad_symbol);
    if (error) {
        if (bad_symbol)
            pr_warn("%s: Unknown symbol %s (err -2)\n", name, bad_symbol);
        else
            pr_err("%s: %s\n", name, reason ? reason : "relocation failed");
        release_module_memory(mod, core);
        return Error::from_errno(bad_symbol ? ENOENT : ENOEXEC);
    }

    mod->core = core;
    mod->core_size = static_cast<unsigned>(core_size);
    mod->init_size = static_cast<unsigned>(total_size - core_size);
    mod->init_area = mod->init_size ? static_cast<char*>(core) + core_size : nullptr;
    record_module_debug_info(mod, object);
    unsigned count;
    mod->syms = section_in<const kernel_symbol>(object, core, "__ksymtab", count);
    mod->num_syms = count;
    mod->gpl_syms = section_in<const kernel_symbol>(object, core, "__ksymtab_gpl", count);
    mod->num_gpl_syms = count;
    mod->kp = section_in<kernel_param>(object, core, "__param", count);
    mod->num_kp = count;
    if (check_module_pointers(mod, object).is_error()) {
        mod->num_kp = 0;   // their ops are not to be trusted with free()
        release_module_memory(mod, core);
        return Error::from_errno(ENOEXEC);
    }
    if (modinfo_size) {
        auto* copy = static_cast<char*>(kmalloc(modinfo_size, GFP_KERNEL));
        if (copy)
            libk::memcpy(copy, modinfo, modinfo_size);
        mod->modinfo = copy;
        mod->modinfo_size = copy ? static_cast<unsigned>(modinfo_size) : 0;
    }
    if (!mod->gpl_compatible) {
        pr_warn("%s: module license '%s' taints kernel.\n", name, license ? license : "unspecified");
        pr_warn("Disabling lock debugging due to kernel taint\n");
        mod->taints |= 1;   // TAINT_PROPRIETARY_MODULE
    }
    size_t args_length = args ? libk::strlen(args) : 0;
    mod->args = static_cast<char*>(kmalloc(args_length + 1, GFP_KERNEL));
    if (mod->args)
        libk::memcpy(mod->args, args ? args : "", args_length + 1);

    apply_boot_params(mod);
    error = apply_module_params(mod, args);
    if (error) {
        release_module_memory(mod, core);
        return Error::from_errno(-error);
    }

    error = mod_sysfs_setup(mod);
    if (error) {
        release_module_memory(mod, core);
        return Error::from_errno(-error);
    }
    mod->state = MODULE_STATE_COMING;
    mod->next = modules;
    modules = mod;
    int result = do_init_module(mod);
    if (result < 0) {
        // A module whose init fails leaves nothing behind.
        mod_sysfs_teardown(mod);
        unlink_module(mod);
        release_module_memory(mod, core);
        return Error::from_errno(-result);
    }
    if (result > 0)
        pr_warn("%s: init suspiciously returned %d, it should follow 0/-E convention\n", name, result);
    mod->state = MODULE_STATE_LIVE;
    free_module_init(mod);
    return mod;
}
