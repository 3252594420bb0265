// Symbols of loaded modules for oops reports and %pS: Linux's kallsyms for
// modules and print_modules() (kernel/module/kallsyms.cpp).
#pragma once

#include <stddef.h>
#include <stdint.h>

// Names the module function holding `address` as "name+0xoff/0xsize [module]"
// (without "+0x..." when !with_offset). `offset_base` is the address whose
// offset is printed: `address` itself, or for a return address the address
// after the call (see lookup_return_address). Returns the chars written, 0
// when no loaded module has a function there.
int module_lookup_symbol(uintptr_t address, uintptr_t offset_base, char* out, size_t size, bool with_offset);

// "Modules linked in: hello faulty" (a line with nothing after the colon when
// no module is loaded), as Linux prints it in an oops.
void print_modules();
