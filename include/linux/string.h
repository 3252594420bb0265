/* The C string functions the kernel exports to modules, and Linux's kernel
 * extras (kstrdup, kmemdup, strscpy, strim...). */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *dest, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
/* The first byte in [s, s+n) that is not c, or NULL. */
void *memchr_inv(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
/* Copies at most size-1 bytes, always terminates; returns strlen(src). */
size_t strlcpy(char *dest, const char *src, size_t size);
size_t strlcat(char *dest, const char *src, size_t size);
/* Copies at most size-1 bytes, always terminates; returns the length copied,
 * or -E2BIG when src did not fit. */
ssize_t strscpy(char *dest, const char *src, size_t size);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strnchr(const char *s, size_t n, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strnstr(const char *haystack, const char *needle, size_t len);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);
/* Skips leading white space. */
char *skip_spaces(const char *s);
/* Cuts trailing white space in place and returns the first non-space character. */
char *strim(char *s);
/* True when s equals a, ignoring one trailing newline in s (sysfs/proc input). */
bool sysfs_streq(const char *s, const char *a);
/* The index of `string` in `array` (n entries, or up to a NULL), or -EINVAL. */
int match_string(const char *const *array, size_t n, const char *string);

/* kmalloc'ed copies (kfree them); NULL when out of memory or given NULL. */
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
/* Copies a user buffer into a new kmalloc'ed one: ERR_PTR(-EFAULT/-ENOMEM) on failure. */
void *memdup_user(const void __user *src, size_t len);
/* The same with a NUL appended (a string from a write handler). */
char *strndup_user(const char __user *s, long n);
void *memdup_user_nul(const void __user *src, size_t len);

#ifdef __cplusplus
}
#endif

static inline void kfree_const(const void *p)
{
    kfree(p);
}

static inline bool strstarts(const char *str, const char *prefix)
{
    return strncmp(str, prefix, strlen(prefix)) == 0;
}

static inline void memzero_explicit(void *s, size_t count)
{
    memset(s, 0, count);
    __asm__ __volatile__("" : : "r"(s) : "memory");
}

#endif
