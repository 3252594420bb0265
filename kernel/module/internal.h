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

// Parsing of the .modinfo strings ("license=GPL\0author=...").
const char* modinfo_get(const char* modinfo, size_t size, const char* tag);
bool license_is_gpl_compatible(const char* license);

// Loads a module image (kernel copy of the .ko); returns the module or an error.
libk::ErrorOr<module*> load_module(const void* image, size_t size, const char* args);
