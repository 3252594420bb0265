// Address -> symbol name, from the symbol table embedded in kernel.elf at
// build time (toolchain/gen-ksyms.sh), then from the loaded modules' own
// symbols (kernel/module/kallsyms.cpp). Used by backtraces and printk's %pS;
// name -> address and the whole table for kallsyms (kernel/debug/kallsyms.cpp).
#include "ksyms_layout.h"
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <libk/format.h>
#include <libk/string.h>

extern "C" char _text[], _etext[], _kernel_end[];

namespace {

// The function containing `address`, or nullptr.
const kernlab_ksym* find_symbol(uintptr_t address)
{
    // Past the image (a module's memory, freed or not): the last kernel
    // symbols are unsized markers that would claim it.
    if (address >= reinterpret_cast<uintptr_t>(_kernel_end))
        return nullptr;
    // Binary search for the last symbol at or below the address.
    unsigned low = 0, high = kernlab_ksyms_count;
    while (low < high) {
        unsigned middle = (low + high) / 2;
        if (kernlab_ksyms[middle].address <= address)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return nullptr;
    const kernlab_ksym* symbol = &kernlab_ksyms[low - 1];
    // Past the end of a sized symbol: not inside any function we know.
    if (symbol->size && address - symbol->address >= symbol->size)
        return nullptr;
    return symbol;
}

int format_symbol(const kernlab_ksym* symbol, uintptr_t offset, char* out, size_t size, bool with_offset)
{
    const char* name = kernlab_ksym_names + symbol->name_offset;
    if (!with_offset)
        return libk::scnprintf(out, size, "%s", name);
    return libk::scnprintf(out, size, "%s+0x%lx/0x%x", name, static_cast<unsigned long>(offset), symbol->size);
}

} // namespace

int lookup_symbol(uintptr_t address, char* out, size_t size, bool with_offset)
{
    // Modules first: an unsized last kernel symbol would claim any higher address.
    if (int length = module_lookup_symbol(address, address, out, size, with_offset))
        return length;
    const kernlab_ksym* symbol = find_symbol(address);
    return symbol ? format_symbol(symbol, address - symbol->address, out, size, with_offset) : 0;
}

int lookup_return_address(uintptr_t address, char* out, size_t size)
{
    // A call that never returns may be a function's last instruction: its return
    // address is then the next function's first byte. Look up the call itself
    // (Linux's %pB does the same).
    if (int length = module_lookup_symbol(address - 1, address, out, size, true))
        return length;
    const kernlab_ksym* symbol = find_symbol(address - 1);
    return symbol ? format_symbol(symbol, address - symbol->address, out, size, true) : 0;
}

uintptr_t kernel_kallsyms_lookup_name(const char* name)
{
    for (unsigned i = 0; i < kernlab_ksyms_count; ++i)
        if (libk::strcmp(kernlab_ksym_names + kernlab_ksyms[i].name_offset, name) == 0)
            return kernlab_ksyms[i].address;
    return 0;
}

void kernel_kallsyms_on_each(void (*visit)(const char* name, uintptr_t address, char type, void* context),
    void* context)
{
    for (unsigned i = 0; i < kernlab_ksyms_count; ++i) {
        const kernlab_ksym& symbol = kernlab_ksyms[i];
        visit(kernlab_ksym_names + symbol.name_offset, symbol.address, symbol.type, context);
    }
}

bool kernel_text_address(uintptr_t address)
{
    return address >= reinterpret_cast<uintptr_t>(_text) && address < reinterpret_cast<uintptr_t>(_etext);
}

bool kernel_function_start(uintptr_t address)
{
    // The first of the symbols at `address` or above (the table is sorted).
    unsigned low = 0, high = kernlab_ksyms_count;
    while (low < high) {
        unsigned middle = (low + high) / 2;
        if (kernlab_ksyms[middle].address < address)
            low = middle + 1;
        else
            high = middle;
    }
    for (unsigned i = low; i < kernlab_ksyms_count && kernlab_ksyms[i].address == address; ++i)
        if (kernlab_ksyms[i].type && libk::strchr("TtWw", kernlab_ksyms[i].type))
            return kernel_text_address(address);
    return false;
}
