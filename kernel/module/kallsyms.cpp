// What the loader keeps of a module for debugging: its section addresses (read
// by gdb's kl-symbols) and its functions (Linux's kallsyms for modules), so an
// oops inside a module reads "[<d0801005>] hello_init+0x5/0x20 [hello]".
#include "internal.h"
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <libk/elf_rel.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/printk.h>

namespace {

struct Counter {
    unsigned count;
    size_t name_bytes;
};

struct Filler {
    mod_kallsyms* kallsyms;
    size_t names_used;
};

void count_symbol(const char* name, uint32_t, uint32_t, char, void* context)
{
    auto* counter = static_cast<Counter*>(context);
    ++counter->count;
    counter->name_bytes += libk::strlen(name) + 1;
}

void add_symbol(const char* name, uint32_t address, uint32_t size, char type, void* context)
{
    auto* filler = static_cast<Filler*>(context);
    mod_kallsyms* kallsyms = filler->kallsyms;
    // Insertion in address order; equal addresses keep the symbol table's order,
    // so a static hello_init (locals come first) names the code, not its alias
    // init_module, as in Linux.
    unsigned index = kallsyms->num_symtab++;
    while (index > 0 && kallsyms->symtab[index - 1].address > address) {
        kallsyms->symtab[index] = kallsyms->symtab[index - 1];
        --index;
    }
    size_t length = libk::strlen(name) + 1;
    kallsyms->symtab[index] = { address, size, static_cast<unsigned>(filler->names_used), type };
    libk::memcpy(kallsyms->strtab + filler->names_used, name, length);
    filler->names_used += length;
}

mod_kallsyms* build_kallsyms(const libk::RelocatableObject& object, uint32_t load_address)
{
    Counter counter { 0, 0 };
    object.for_each_kallsym(load_address, count_symbol, &counter);
    size_t table_bytes = counter.count * sizeof(mod_ksym);
    auto* kallsyms = static_cast<mod_kallsyms*>(
        kmalloc(sizeof(mod_kallsyms) + table_bytes + counter.name_bytes, GFP_KERNEL));
    if (!kallsyms)
        return nullptr;
    kallsyms->num_symtab = 0;
    kallsyms->symtab = reinterpret_cast<mod_ksym*>(kallsyms + 1);
    kallsyms->strtab = reinterpret_cast<char*>(kallsyms->symtab + counter.count);
    Filler filler { kallsyms, 0 };
    object.for_each_kallsym(load_address, add_symbol, &filler);
    return kallsyms;
}

module_sect_attrs* build_sect_attrs(const libk::RelocatableObject& object, uint32_t load_address)
{
    unsigned count = 0;
    size_t name_bytes = 0;
    for (size_t i = 0; i < object.section_count(); ++i) {
        const libk::RelSection& section = object.section(i);
        if (section.allocated && section.size) {
            ++count;
            name_bytes += libk::strlen(section.name) + 1;
        }
    }
    size_t table_bytes = sizeof(module_sect_attrs) + count * sizeof(module_sect_attr);
    auto* attrs = static_cast<module_sect_attrs*>(kmalloc(table_bytes + name_bytes, GFP_KERNEL));
    if (!attrs)
        return nullptr;
    char* names = reinterpret_cast<char*>(attrs) + table_bytes;
    attrs->nsections = 0;
    for (size_t i = 0; i < object.section_count(); ++i) {
        const libk::RelSection& section = object.section(i);
        if (!section.allocated || !section.size)
            continue;
        size_t length = libk::strlen(section.name) + 1;
        libk::memcpy(names, section.name, length);
        attrs->attrs[attrs->nsections++] = { names, load_address + section.layout_offset, section.size };
        names += length;
    }
    return attrs;
}

// The function (or data object) of `kallsyms` holding `address`, or nullptr.
const mod_ksym* find_function(const mod_kallsyms* kallsyms, uintptr_t address)
{
    unsigned low = 0, high = kallsyms->num_symtab;
    while (low < high) {
        unsigned middle = (low + high) / 2;
        if (kallsyms->symtab[middle].address <= address)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return nullptr;
    unsigned index = low - 1;
    while (index > 0 && kallsyms->symtab[index - 1].address == kallsyms->symtab[index].address)
        --index;   // the first of several names for one address
    const mod_ksym* symbol = &kallsyms->symtab[index];
    if (symbol->size && address - symbol->address >= symbol->size)
        return nullptr;
    return symbol;
}

} // namespace

void record_module_debug_info(module* mod, const libk::RelocatableObject& object)
{
    uint32_t load_address = reinterpret_cast<uint32_t>(mod->core);
    mod->sect_attrs = build_sect_attrs(object, load_address);
    mod->kallsyms = build_kallsyms(object, load_address);
    if (!mod->sect_attrs || !mod->kallsyms)
        pr_warn("%s: no memory for its symbols: oops reports and gdb will not name its functions\n", mod->name);
}

void forget_init_symbols(module* mod)
{
    mod_kallsyms* kallsyms = mod->kallsyms;
    if (!kallsyms || !mod->init_size)
        return;
    uintptr_t start = reinterpret_cast<uintptr_t>(mod->init_area);
    unsigned kept = 0;
    for (unsigned i = 0; i < kallsyms->num_symtab; ++i) {
        const mod_ksym& symbol = kallsyms->symtab[i];
        if (symbol.address - start >= mod->init_size)   // outside the init part (unsigned wrap below it)
            kallsyms->symtab[kept++] = symbol;
    }
    kallsyms->num_symtab = kept;   // the names stay in strtab, unreferenced
}

void free_module_debug_info(module* mod)
{
    kfree(mod->sect_attrs);
    kfree(mod->kallsyms);
    mod->sect_attrs = nullptr;
    mod->kallsyms = nullptr;
}

// noipa: gdb's breakpoint needs this very function called, not a clone of it.
extern "C" [[gnu::noipa]] int do_init_module(module* mod)
{
    return mod->init ? mod->init() : 0;
}

int module_lookup_symbol(uintptr_t address, uintptr_t offset_base, char* out, size_t size, bool with_offset)
{
    // No lock: an oops may come from anywhere, and the list only changes under
    // the module mutex by whole records (Linux reads it under RCU).
    for (module* mod = modules; mod; mod = mod->next) {
        uintptr_t core = reinterpret_cast<uintptr_t>(mod->core);
        if (!mod->kallsyms || address < core || address - core >= mod->core_size + mod->init_size)
            continue;
        const mod_ksym* symbol = find_function(mod->kallsyms, address);
        if (!symbol)
            return 0;
        const char* name = mod->kallsyms->strtab + symbol->name_offset;
        if (!with_offset)
            return libk::scnprintf(out, size, "%s [%s]", name, mod->name);
        return libk::scnprintf(out, size, "%s+0x%lx/0x%x [%s]", name,
            static_cast<unsigned long>(offset_base - symbol->address), symbol->size, mod->name);
    }
    return 0;
}

void print_modules()
{
    char line[256];
    size_t used = libk::scnprintf(line, sizeof(line), "Modules linked in:");
    for (module* mod = modules; mod; mod = mod->next) {
        if (mod->state == MODULE_STATE_UNFORMED)
            continue;
        // (P): a proprietary module tainted the kernel, as Linux marks it.
        used += libk::scnprintf(line + used, sizeof(line) - used, " %s%s", mod->name, (mod->taints & 1) ? "(P)" : "");
    }
    printk(KERN_EMERG "%s\n", line);
}

uintptr_t module_kallsyms_lookup_name(const char* name)
{
    // "module:symbol" looks in that module only, as Linux's does.
    const char* colon = libk::strchr(name, ':');
    size_t module_length = colon ? static_cast<size_t>(colon - name) : 0;
    const char* symbol_name = colon ? colon + 1 : name;
    for (module* mod = modules; mod; mod = mod->next) {
        if (!mod->kallsyms || mod->state == MODULE_STATE_UNFORMED)
            continue;
        if (colon && (libk::strlen(mod->name) != module_length || libk::strncmp(mod->name, name, module_length) != 0))
            continue;
        for (unsigned i = 0; i < mod->kallsyms->num_symtab; ++i) {
            const mod_ksym& symbol = mod->kallsyms->symtab[i];
            if (libk::strcmp(mod->kallsyms->strtab + symbol.name_offset, symbol_name) == 0)
                return symbol.address;
        }
    }
    return 0;
}

void module_kallsyms_on_each(
    void (*visit)(const char* module_name, const char* name, uintptr_t address, char type, void* context),
    void* context)
{
    // Newest module first, each in address order, as Linux lists them.
    for (module* mod = modules; mod; mod = mod->next) {
        if (!mod->kallsyms || mod->state == MODULE_STATE_UNFORMED)
            continue;
        for (unsigned i = 0; i < mod->kallsyms->num_symtab; ++i) {
            const mod_ksym& symbol = mod->kallsyms->symtab[i];
            visit(mod->name, mod->kallsyms->strtab + symbol.name_offset, symbol.address, symbol.type, context);
        }
    }
}

bool module_function_start(uintptr_t address)
{
    for (module* mod = modules; mod; mod = mod->next) {
        uintptr_t core = reinterpret_cast<uintptr_t>(mod->core);
        if (!mod->kallsyms || address < core || address - core >= mod->core_size + mod->init_size)
            continue;
        for (unsigned i = 0; i < mod->kallsyms->num_symtab; ++i) {
            const mod_ksym& symbol = mod->kallsyms->symtab[i];
            if (symbol.address == address && (symbol.type == 't' || symbol.type == 'T'))
                return true;
        }
        return false;
    }
    return false;
}
