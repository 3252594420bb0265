/* System call definitions, as Linux writes them: SYSCALL_DEFINEn(name, type,
 * arg, ...) or `asmlinkage long sys_name(...)`. The dispatcher
 * (kernel/syscalls/syscall_table.cpp) calls every entry with six `long`
 * arguments (ebx, ecx, edx, esi, edi, ebp); SYSCALL_DEFINEn makes that entry
 * and casts each long to its declared type, as Linux's __se_sys_ wrappers do.
 * A 64-bit argument (loff_t) arrives split in two registers on i386: declare it
 * as two `unsigned long` halves. A function defined here still needs its line
 * in kernel/syscalls/syscall_list.h; a line without a function fails the build. */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/linkage.h>
#include <linux/types.h>

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t) a

#define SYSCALL_DEFINE0(sname) asmlinkage long sys_##sname(void)
#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

/* sys_NAME takes longs and calls __do_sys_NAME, the body written after the macro. */
#define SYSCALL_DEFINEx(x, name, ...)                                          \
    static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__));       \
    asmlinkage long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));               \
    asmlinkage long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))                \
    {                                                                          \
        return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__));               \
    }                                                                          \
    static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

/* The course's system call (349, kernel/sys/hello.c). */
asmlinkage long sys_hello(void);

#endif
