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

// The address of a module symbol (function or data) by name, "module:name"
// for one module's; 0 when no loaded module has it.
uintptr_t module_kallsyms_lookup_name(const char* name);
// Visits every loaded module's symbols (newest module first, each in address order).
void module_kallsyms_on_each(
    void (*visit)(const char* module_name, const char* name, uintptr_t address, char type, void* context),
    void* context);

// The same for the kernel's own table (kernel/debug/ksyms.cpp), in address order.
uintptr_t kernel_kallsyms_lookup_name(const char* name);
void kernel_kallsyms_on_each(void (*visit)(const char* name, uintptr_t address, char type, void* context),
    void* context);
// Whether `address` is inside the kernel's code (_text.._etext).
bool kernel_text_address(uintptr_t address);
// Whether a function (a code symbol) of the kernel, or of a loaded module,
// starts exactly at `address`: where a kprobe may sit.
bool kernel_function_start(uintptr_t address);
bool module_function_start(uintptr_t address);
