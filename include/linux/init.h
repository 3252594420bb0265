/* module_init/module_exit and __init/__exit, as Linux. In a module (built with
 * -DMODULE) module_init names the function the loader calls; built into the
 * kernel it is a device initcall. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init __section(".init.text") __cold
#define __exit __section(".exit.text") __cold
#define __initdata __section(".init.data")
#define __exitdata __section(".exit.data")
#define __initconst __section(".init.rodata")
#define __exit_call __used __section(".exitcall.exit")
#define __devinit
#define __devexit
#define __devexit_p(x) x
#define __init_refok
#define __refdata

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#ifdef MODULE

/* The loader calls init_module and cleanup_module; these aliases give them the
 * student's names (Linux's own definitions, with a type check). */
#define module_init(initfn)                                           \
    static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
    int init_module(void) __attribute__((copy(initfn), alias(#initfn)));
#define module_exit(exitfn)                                           \
    static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
    void cleanup_module(void) __attribute__((copy(exitfn), alias(#exitfn)));

#else /* built in */

#ifdef __cplusplus
#include <kernel/initcall.h>
#else
struct initcall_entry {
    initcall_t fn;
    const char *name;
};
#define __define_initcall(fn, level)                                                      \
    static const struct initcall_entry __initcall_##fn##level                             \
        __attribute__((used, section(".initcall" #level ".init"), aligned(4))) = { fn, #fn }
#define core_initcall(fn) __define_initcall(fn, 1)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#endif
#define module_init(fn) device_initcall(fn)
#define module_exit(fn) static exitcall_t __maybe_unused __exitcall_##fn = fn

#endif

#endif
