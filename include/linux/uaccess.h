/* Copying between kernel and user memory. Every user pointer is checked
 * against the task's address limit and a fault while copying becomes a short
 * copy, never an oops: copy_*_user return the bytes NOT copied,
 * get_user/put_user return 0 or -EFAULT. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* Copies a string of at most `count` bytes with its NUL; returns its length,
 * `count` when no NUL came within count bytes, or -EFAULT. */
long strncpy_from_user(char *to, const char __user *from, long count);
/* The length including the NUL, 0 on a fault, more than n when longer. */
long strnlen_user(const char __user *s, long n);
/* Whether [address, address+size) lies in user space (not whether it is mapped). */
bool access_ok(const void __user *address, unsigned long size);

#ifdef __cplusplus
}
#endif

/* No separate unchecked versions: the checks are cheap. */
#define __copy_from_user(to, from, n) copy_from_user(to, from, n)
#define __copy_to_user(to, from, n) copy_to_user(to, from, n)
#define raw_copy_from_user(to, from, n) copy_from_user(to, from, n)
#define raw_copy_to_user(to, from, n) copy_to_user(to, from, n)
#define __clear_user(to, n) clear_user(to, n)
#define copy_from_user_inatomic(to, from, n) copy_from_user(to, from, n)
#define __copy_from_user_inatomic(to, from, n) copy_from_user(to, from, n)
#define __copy_to_user_inatomic(to, from, n) copy_to_user(to, from, n)

/* The type *ptr has, without const (C drops it from a cast's type by itself). */
#ifdef __cplusplus
template<typename T> struct __uaccess_unqualified { typedef T type; };
template<typename T> struct __uaccess_unqualified<const T> { typedef T type; };
template<typename T> struct __uaccess_unqualified<volatile T> { typedef T type; };
template<typename T> struct __uaccess_unqualified<const volatile T> { typedef T type; };
#define __uaccess_value_type(ptr) __uaccess_unqualified<__typeof__(*(ptr))>::type
#else
#define __uaccess_value_type(ptr) __typeof__(*(ptr))
#endif

/*
 * get_user(x, ptr): reads *ptr (a 1, 2, 4 or 8-byte type) into x; 0, or
 * -EFAULT with x set to 0. The value goes through the promoted type of *ptr,
 * which also drops a const, and is copied into its low bytes (little endian).
 */
#define get_user(x, ptr) ({                                                     \
    __typeof__(*(ptr) + 0) __gu_val = 0;                                        \
    int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
    if (__gu_err)                                                               \
        __gu_val = 0;                                                           \
    (x) = (__uaccess_value_type(ptr))__gu_val;                                  \
    __gu_err;                                                                   \
})

/* put_user(x, ptr): writes x to *ptr; 0 or -EFAULT. */
#define put_user(x, ptr) ({                                                     \
    __typeof__(*(ptr)) __pu_val = (x);                                          \
    copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;               \
})

#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)

/*
 * access_ok(addr, size) since Linux 5.0, access_ok(VERIFY_READ, addr, size)
 * before: both forms work (type is ignored, as it was on x86 all along).
 * The kernel's own C++ calls the function directly.
 */
#define VERIFY_READ 0
#define VERIFY_WRITE 1
#if !defined(__cplusplus) || defined(MODULE)
static inline bool __access_ok_typed(int type, const void __user *address, unsigned long size)
{
    (void)type;
    return (access_ok)(address, size);
}
#define __ACCESS_OK_PICK(_1, _2, _3, NAME, ...) NAME
#define access_ok(...) __ACCESS_OK_PICK(__VA_ARGS__, __access_ok_typed, access_ok, unused)(__VA_ARGS__)
#endif

#endif
