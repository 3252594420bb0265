// Linux's kernel-only string helpers (include/linux/string.h): copies into
// kmalloc'ed memory, strscpy, trimming, and buffers copied in from user space.
// The C library ones (memcpy, strlen...) are libk/c_names/string.cpp.
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/ctype.h>
#include <libk/string.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>

extern "C" char* kstrdup(const char* s, gfp_t gfp)
{
    if (!s)
        return nullptr;
    return static_cast<char*>(kmemdup(s, libk::strlen(s) + 1, gfp));
}
EXPORT_SYMBOL(kstrdup);

// Linux keeps .rodata strings shared; here every copy is a real copy.
extern "C" const char* kstrdup_const(const char* s, gfp_t gfp)
{
    return kstrdup(s, gfp);
}
EXPORT_SYMBOL(kstrdup_const);

extern "C" char* kstrndup(const char* s, size_t max, gfp_t gfp)
{
    if (!s)
        return nullptr;
    return kmemdup_nul(s, libk::strnlen(s, max), gfp);
}
EXPORT_SYMBOL(kstrndup);

extern "C" void* kmemdup(const void* src, size_t len, gfp_t gfp)
{
    void* copy = kmalloc(len, gfp);
    if (copy)
        libk::memcpy(copy, src, len);
    return copy;
}
EXPORT_SYMBOL(kmemdup);

extern "C" char* kmemdup_nul(const char* s, size_t len, gfp_t gfp)
{
    if (!s)
        return nullptr;
    auto* copy = static_cast<char*>(kmalloc(len + 1, gfp));
    if (copy) {
        libk::memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}
EXPORT_SYMBOL(kmemdup_nul);

extern "C" ssize_t strscpy(char* dest, const char* src, size_t size)
{
    if (size == 0)
        return -E2BIG;
    size_t length = libk::strnlen(src, size);
    if (length == size) {
        libk::memcpy(dest, src, size - 1);
        dest[size - 1] = '\0';
        return -E2BIG;
    }
    libk::memcpy(dest, src, length + 1);
    return static_cast<ssize_t>(length);
}
EXPORT_SYMBOL(strscpy);

extern "C" void* memchr_inv(const void* s, int c, size_t n)
{
    auto* bytes = static_cast<const unsigned char*>(s);
    for (size_t i = 0; i < n; ++i)
        if (bytes[i] != static_cast<unsigned char>(c))
            return const_cast<unsigned char*>(bytes + i);
    return nullptr;
}
EXPORT_SYMBOL(memchr_inv);

extern "C" char* strnchr(const char* s, size_t n, int c)
{
    for (; n-- && *s; ++s)
        if (*s == static_cast<char>(c))
            return const_cast<char*>(s);
    return nullptr;
}
EXPORT_SYMBOL(strnchr);

extern "C" char* strnstr(const char* haystack, const char* needle, size_t len)
{
    size_t needle_length = libk::strlen(needle);
    if (needle_length == 0)
        return const_cast<char*>(haystack);
    for (; len >= needle_length; --len, ++haystack)
        if (libk::memcmp(haystack, needle, needle_length) == 0)
            return const_cast<char*>(haystack);
    return nullptr;
}
EXPORT_SYMBOL(strnstr);

extern "C" char* skip_spaces(const char* s)
{
    while (libk::isspace(*s))
        ++s;
    return const_cast<char*>(s);
}
EXPORT_SYMBOL(skip_spaces);

extern "C" char* strim(char* s)
{
    size_t length = libk::strlen(s);
    while (length > 0 && libk::isspace(s[length - 1]))
        s[--length] = '\0';
    return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

extern "C" bool sysfs_streq(const char* s, const char* a)
{
    while (*s && *s == *a) {
        ++s;
        ++a;
    }
    if (*s == *a)
        return true;
    return *a == '\0' && s[0] == '\n' && s[1] == '\0';
}
EXPORT_SYMBOL(sysfs_streq);

extern "C" int match_string(const char* const* array, size_t n, const char* string)
{
    for (size_t i = 0; i < n; ++i) {
        if (!array[i])
            break;
        if (libk::strcmp(array[i], string) == 0)
            return static_cast<int>(i);
    }
    return -EINVAL;
}
EXPORT_SYMBOL(match_string);

extern "C" void* memdup_user(const void __user* src, size_t len)
{
    void* copy = kmalloc(len, GFP_KERNEL);
    if (!copy)
        return ERR_PTR(-ENOMEM);
    if (copy_from_user(copy, src, len)) {
        kfree(copy);
        return ERR_PTR(-EFAULT);
    }
    return copy;
}
EXPORT_SYMBOL(memdup_user);

extern "C" void* memdup_user_nul(const void __user* src, size_t len)
{
    auto* copy = static_cast<char*>(kmalloc(len + 1, GFP_KERNEL));
    if (!copy)
        return ERR_PTR(-ENOMEM);
    if (copy_from_user(copy, src, len)) {
        kfree(copy);
        return ERR_PTR(-EFAULT);
    }
    copy[len] = '\0';
    return copy;
}
EXPORT_SYMBOL(memdup_user_nul);

extern "C" char* strndup_user(const char __user* s, long n)
{
    long length = strnlen_user(s, n);
    if (length == 0)
        return static_cast<char*>(ERR_PTR(-EFAULT));
    if (length > n)
        return static_cast<char*>(ERR_PTR(-EINVAL));
    auto* copy = static_cast<char*>(memdup_user(s, static_cast<size_t>(length)));
    if (!IS_ERR(copy))
        copy[length - 1] = '\0';
    return copy;
}
EXPORT_SYMBOL(strndup_user);
