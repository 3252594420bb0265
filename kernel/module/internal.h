// The module loader's pieces: the list of modules, symbol lookup, parameters.
#pragma once

#include <linux/module.h>
#include <libk/error_or.h>

// Loaded modules, newest first (Linux lists them so in /proc/modules).
extern module* modules;

// A dependency: `source` uses a symbol of `target`.
struct module_use {
    module* source;
    module* target;
    module_use* next_in_source;   // on source->source_list
    module_use* next_in_target;   // on target->target_list
};

// Finds an exported symbol in the kernel and the live modules; GPL-only exports
// only when `gpl_ok`. `owner` is set to the exporting module (nullptr: kernel).
bool find_exported_symbol(const char* name, bool gpl_ok, unsigned long& value, module** owner);

// Applies "name=value name2 name3=\"a b\"" to the module's parameters; unknown
// names are logged and ignored, as Linux does.
int apply_module_params(module* mod, const char* args);

// /sys/module/NAME (sysfs.cpp): made before the module's init runs, removed
// when it is freed. 0 or -errno.
int mod_sysfs_setup(module* mod);
void mod_sysfs_teardown(module* mod);

// Parsing of the .modinfo strings ("license=GPL\0author=...").
const char* modinfo_get(const char* modinfo, size_t size, const char* tag);
bool license_is_gpl_compatible(const char* license);

// Where the loader put each allocated section (Linux's module_sect_attrs, which
// /sys/module/<name>/sections/ shows): gdb's kl-symbols (toolchain/gdb/kernlab.py)
// reads it to run add-symbol-file with every section's address.
struct module_sect_attr {
    const char* name;        // ".text", ".init.text", ".data", ...
    unsigned long address;
    unsigned long size;
};
struct module_sect_attrs {
    unsigned int nsections;
    module_sect_attr attrs[];
};

// A module's functions and data objects sorted by address (Linux's
// mod_kallsyms), kept from the .ko's symbol table so an oops names them
// ("hello_init+0x5/0x20 [hello]") and /proc/kallsyms lists them.
struct mod_ksym {
    unsigned long address;
    unsigned int size;
    unsigned int name_offset;  // into mod_kallsyms::strtab
    char type;                 // nm's letter: t T (code), d D, r R, b B (data)
};
struct mod_kallsyms {
    unsigned int num_symtab;
    mod_ksym* symtab;
    char* strtab;
};

namespace libk {
class RelocatableObject;
}

// Records the sections and functions of a module just placed at mod->core;
// without memory the module loads anyway, only less debuggable. Freed by
// free_module_debug_info.
void record_module_debug_info(module* mod, const libk::RelocatableObject& object);
void free_module_debug_info(module* mod);
// Drops the symbols of the module's .init sections (before they are freed):
// afterwards oopses and kallsyms lookups do not name what is gone.
void forget_init_symbols(module* mod);

// Runs the module's init: the hook where debuggers learn of a new module
// (Linux's do_init_module, where lx-symbols sets its breakpoint). Sections
// are placed and mod->sect_attrs is set when it is called.
extern "C" int do_init_module(module* mod);

// After relocation, before the loader follows them: init and exit in the module's
// code, export and parameter names in its kept sections, parameter operations the
// kernel's or in the module (check.cpp). -ENOEXEC with a log line otherwise.
libk::ErrorOr<void> check_module_pointers(module* mod, const libk::RelocatableObject& object);

// Loads a module image (kernel copy of the .ko); returns the module or an error.
libk::ErrorOr<module*> load_module(const void* image, size_t size, const char* args);
