/* The grab bag every module includes: printk, container_of, ARRAY_SIZE,
 * min/max (linux/minmax.h), rounding, the sprintf family and the kstrto* number parsers. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/linkage.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/types.h>
#if !defined(__cplusplus) || defined(MODULE)
#include <linux/bitops.h>   /* set_bit..., as Linux's kernel.h brings them (the kernel's C++ has libk's) */
#endif

/*
 * Integer limits. Not in a linux/limits.h of our own: that name is the uapi
 * header the C library's <limits.h> includes, so it must stay the uapi one.
 * The C names use GCC's predefined values, which #if can evaluate.
 */
#ifndef SHRT_MAX
#define SHRT_MAX __SHRT_MAX__
#define SHRT_MIN (-SHRT_MAX - 1)
#endif
#ifndef USHRT_MAX
#define USHRT_MAX (SHRT_MAX * 2 + 1)
#endif
#ifndef INT_MAX
#define INT_MAX __INT_MAX__
#endif
#ifndef INT_MIN
#define INT_MIN (-INT_MAX - 1)
#endif
#ifndef UINT_MAX
#define UINT_MAX (INT_MAX * 2U + 1U)
#endif
#ifndef LONG_MAX
#define LONG_MAX __LONG_MAX__
#endif
#ifndef LONG_MIN
#define LONG_MIN (-LONG_MAX - 1L)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)
#endif
#ifndef LLONG_MAX
#define LLONG_MAX __LONG_LONG_MAX__
#endif
#ifndef LLONG_MIN
#define LLONG_MIN (-LLONG_MAX - 1LL)
#endif
#ifndef ULLONG_MAX
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#endif
#ifndef SSIZE_MAX
#define SSIZE_MAX INT_MAX
#endif
#define U8_MAX ((u8)~0U)
#define S8_MAX ((s8)(U8_MAX >> 1))
#define S8_MIN ((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define S16_MIN ((s16)(-S16_MAX - 1))
#define U32_MAX ((u32)~0U)
#define U32_MIN ((u32)0)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S32_MIN ((s32)(-S32_MAX - 1))
#define U64_MAX ((u64)~0ULL)
#define S64_MAX ((s64)(U64_MAX >> 1))
#define S64_MIN ((s64)(-S64_MAX - 1))

#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif

/* The structure that embeds `member`, from a pointer to that member. */
#define container_of(ptr, type, member) ({                   \
    void *__mptr = (void *)(ptr);                            \
    ((type *)((char *)__mptr - offsetof(type, member))); })

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define sizeof_field(type, member) sizeof((((type *)0)->member))
#define FIELD_SIZEOF(type, member) sizeof_field(type, member)

/* Rounding. `y` of round_up/round_down must be a power of two. */
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_CLOSEST(x, divisor) (((x) + ((divisor) / 2)) / (divisor))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n) - 1)) == 0))

#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))


/* kernlab has one CPU and no preemption points to annotate. */
#define might_sleep() do { } while (0)
#define might_sleep_if(cond) do { } while (0)
#define printk_ratelimit() 1
#define no_printk(fmt, ...) ({ if (0) printk(fmt, ##__VA_ARGS__); 0; })

#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited pr_info
#define pr_err_ratelimited pr_err
#define pr_warn_ratelimited pr_warn
#define pr_info_once pr_info
#define pr_warn_once pr_warn
#define pr_err_once pr_err

#ifdef __cplusplus
extern "C" {
#endif

/* Formatting into buffers (libk's printf engine: %d %u %x %s %p %pS ...). */
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsprintf(char *buf, const char *fmt, va_list args);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
/* Like snprintf but returns what was written, not what would have been. */
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
/* A kmalloc'ed formatted string (kfree it); NULL when out of memory. */
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);

/* Reading numbers and words back: %d %i %u %x %o %ld %lu %lld %llu %hd %hhd %c %s %n %[, width, '*'. */
int sscanf(const char *buf, const char *fmt, ...) __attribute__((__format__(scanf, 2, 3)));
int vsscanf(const char *buf, const char *fmt, va_list args);

/*
 * Whole-string number parsing: optional sign ('+', and '-' for signed types),
 * base 0 accepts 0x (hex) and 0 (octal) prefixes, one trailing newline is
 * allowed. 0, -EINVAL (not a number) or -ERANGE (does not fit in the type).
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
/* y/Y/1/on -> true, n/N/0/off -> false. */
int kstrtobool(const char *s, bool *res);
/* The same, straight from a user buffer of `count` bytes (a proc or device write). */
int kstrtoull_from_user(const char __user *s, size_t count, unsigned int base, unsigned long long *res);
int kstrtoll_from_user(const char __user *s, size_t count, unsigned int base, long long *res);
int kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res);
int kstrtol_from_user(const char __user *s, size_t count, unsigned int base, long *res);
int kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res);
int kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res);
int kstrtobool_from_user(const char __user *s, size_t count, bool *res);

/* The old parsers: stop at the first non-digit and report where through *endp. */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

#ifdef __cplusplus
}
#endif

static inline int kstrtou32(const char *s, unsigned int base, u32 *res)
{
    return kstrtouint(s, base, res);
}

static inline int kstrtos32(const char *s, unsigned int base, s32 *res)
{
    return kstrtoint(s, base, res);
}

static inline int kstrtou64(const char *s, unsigned int base, u64 *res)
{
    return kstrtoull(s, base, (unsigned long long *)res);
}

static inline int kstrtos64(const char *s, unsigned int base, s64 *res)
{
    return kstrtoll(s, base, (long long *)res);
}

#endif
