// Initcalls: built-in drivers and subsystems register themselves in linker
// sections, and start_kernel runs them level by level (Linux's include/linux/init.h).
#pragma once

typedef int (*initcall_t)(void);

struct initcall_entry {
    initcall_t fn;
    const char* name;
};

#define __define_initcall(fn, level)                                                       \
    static const struct initcall_entry __initcall_##fn##level                              \
        __attribute__((used, section(".initcall" #level ".init"), aligned(4))) = { fn, #fn }

#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)

// Runs every level in order; with initcall_debug each call is logged with its
// result and duration.
void do_initcalls();
