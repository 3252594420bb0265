/* BUG(), BUG_ON() and WARN_ON(): a broken invariant. BUG stops the kernel
 * (kernlab has no per-task oops recovery); WARN prints a backtrace and goes on. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Prints "WARNING: at file:line" and the call trace. */
void __warn(const char *file, int line);
void dump_stack(void);

#ifdef __cplusplus
}
#endif

#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/panic.h>   /* the kernel's own BUG/BUG_ON and panic() */
#else
#ifdef __cplusplus
extern "C"
#endif
__attribute__((__noreturn__, __format__(printf, 1, 2))) void panic(const char *fmt, ...);
#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(condition)          \
    do {                           \
        if (unlikely(condition))   \
            BUG();                 \
    } while (0)
#endif

/* The value of the condition, so `if (WARN_ON(x)) return -EINVAL;` works. */
#define WARN_ON(condition) ({                    \
    int __ret_warn_on = !!(condition);           \
    if (unlikely(__ret_warn_on))                 \
        __warn(__FILE__, __LINE__);              \
    unlikely(__ret_warn_on);                     \
})

#define WARN(condition, format, ...) ({          \
    int __ret_warn_on = !!(condition);           \
    if (unlikely(__ret_warn_on)) {               \
        printk(KERN_WARNING format, ##__VA_ARGS__); \
        __warn(__FILE__, __LINE__);              \
    }                                            \
    unlikely(__ret_warn_on);                     \
})

#define WARN_ON_ONCE(condition) ({               \
    static bool __warned;                        \
    int __ret_warn_once = !!(condition);         \
    if (unlikely(__ret_warn_once && !__warned)) { \
        __warned = true;                         \
        __warn(__FILE__, __LINE__);              \
    }                                            \
    unlikely(__ret_warn_once);                   \
})

#define WARN_ONCE(condition, format, ...) ({     \
    static bool __warned;                        \
    int __ret_warn_once = !!(condition);         \
    if (unlikely(__ret_warn_once && !__warned)) { \
        __warned = true;                         \
        printk(KERN_WARNING format, ##__VA_ARGS__); \
        __warn(__FILE__, __LINE__);              \
    }                                            \
    unlikely(__ret_warn_once);                   \
})

/* Compile-time checks. */
#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))
#define BUILD_BUG_ON_MSG(condition, msg) BUILD_BUG_ON(condition)
#define BUILD_BUG() BUILD_BUG_ON(1)

#endif
