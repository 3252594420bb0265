// Address -> function name, from the symbol table embedded in kernel.elf at
// build time (toolchain/gen-ksyms.sh), then from the loaded modules' own
// symbols (kernel/module/kallsyms.cpp). Used by backtraces and printk's %pS.
#include "ksyms_layout.h"
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <libk/format.h>

namespace {

// The function containing `address`, or nullptr.
const kernlab_ksym* find_symbol(uintptr_t address)
{
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
