/* The kernel's symbol table for modules (Linux's kallsyms): addresses of
 * kernel and module symbols by name, and names of addresses. /proc/kallsyms
 * lists them all ("c0100000 T start_kernel", module ones with "\t[module]").
 * Linux stopped exporting kallsyms_lookup_name in 5.7 (modules since find it
 * with a kprobe on it, as the module guide shows); kernlab keeps the export
 * of 2.6.33-5.6, so modules of both generations load. C-compatible. */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/module.h>
#include <linux/types.h>

#define KSYM_NAME_LEN 512
/* Enough for "name+0xoffset/0xsize [module]". */
#define KSYM_SYMBOL_LEN (sizeof("%s+%#lx/%#lx [%s]") + (KSYM_NAME_LEN - 1) + 2 * (32 * 3 / 10) + (MODULE_NAME_LEN - 1) + 1)

#ifdef __cplusplus
extern "C" {
#endif

/* The address of a kernel or module symbol (code or data), "module:name" for
 * one module's; 0 when there is none. */
unsigned long kallsyms_lookup_name(const char *name);
/* "name+0xoff/0xsize [module]" (the module part only for module symbols), or
 * "0x<address>" when no symbol holds it; returns the length. buffer needs
 * KSYM_SYMBOL_LEN bytes. */
int sprint_symbol(char *buffer, unsigned long address);
/* The same without "+0xoff/0xsize". */
int sprint_symbol_no_offset(char *buffer, unsigned long address);
/* For a return address: names the call before it (Linux's %pB). */
int sprint_backtrace(char *buffer, unsigned long address);
/* Just the name (KSYM_NAME_LEN bytes): 0, or -ERANGE when no symbol holds it. */
int lookup_symbol_name(unsigned long address, char *symname);

#ifdef __cplusplus
}
#endif

#endif
