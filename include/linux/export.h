/* EXPORT_SYMBOL: puts a symbol in the table modules are linked against
 * (sections __ksymtab and __ksymtab_gpl). Works in the kernel (C++) and in
 * modules (C), which may export symbols to other modules too. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

struct kernel_symbol {
    unsigned long value;
    const char *name;
};

#define __EXPORT_SYMBOL(sym, sec)                                                               \
    static const char __kstrtab_##sym[] __used __section("__ksymtab_strings") __aligned(1) = #sym; \
    static const struct kernel_symbol __ksymtab_##sym __used __section(sec) __aligned(4) = {   \
        (unsigned long)&sym, __kstrtab_##sym }

#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, "__ksymtab")
/* Only for modules whose licence is GPL-compatible. */
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, "__ksymtab_gpl")

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#endif
