// Symbol lookup for the loader: the kernel's export table (linker sections
// __ksymtab and __ksymtab_gpl) and what loaded modules export.
#include "internal.h"
#include <libk/string.h>

extern "C" const kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern "C" const kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

namespace {

bool search(const kernel_symbol* first, const kernel_symbol* last, const char* name, unsigned long& value)
{
    for (const kernel_symbol* symbol = first; symbol < last; ++symbol) {
        if (libk::strcmp(symbol->name, name) == 0) {
            value = symbol->value;
            return true;
        }
    }
    return false;
}

} // namespace

bool find_exported_symbol(const char* name, bool gpl_ok, unsigned long& value, module** owner)
{
    *owner = nullptr;
    if (search(__start___ksymtab, __stop___ksymtab, name, value))
        return true;
    if (gpl_ok && search(__start___ksymtab_gpl, __stop___ksymtab_gpl, name, value))
        return true;
    for (module* mod = modules; mod; mod = mod->next) {
        if (mod->state == MODULE_STATE_UNFORMED)
            continue;
        if (search(mod->syms, mod->syms + mod->num_syms, name, value)
            || (gpl_ok && search(mod->gpl_syms, mod->gpl_syms + mod->num_gpl_syms, name, value))) {
            *owner = mod;
            return true;
        }
    }
    return false;
}

