// kstrto*: Linux's strict number parsers (the whole string must be the number,
// one trailing newline allowed), their _from_user forms for write handlers,
// and the 64-bit simple_strto* (the 32-bit ones are kernel/lib/simple_strtox.cpp).
#include <kernel/uaccess.h>
#include <libk/ctype.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>

namespace {

// The radix for base 0 and the "0x" prefix for base 16, as Linux's
// _parse_integer_fixup_radix: "0x1f" is hex, "017" octal, "17" decimal.
const char* fixup_radix(const char* s, unsigned int* base)
{
    if (*base == 0) {
        if (s[0] == '0') {
            *base = libk::tolower(s[1]) == 'x' && libk::isxdigit(s[2]) ? 16 : 8;
        } else {
            *base = 10;
        }
    }
    if (*base == 16 && s[0] == '0' && libk::tolower(s[1]) == 'x')
        s += 2;
    return s;
}

int digit_value(char c)
{
    if (libk::isdigit(c))
        return c - '0';
    c = static_cast<char>(libk::tolower(c));
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return 99;
}

int parse_unsigned(const char* s, unsigned int base, unsigned long long* res)
{
    if (s[0] == '+')
        ++s;
    s = fixup_radix(s, &base);
    if (base < 2 || base > 16)
        return -EINVAL;
    unsigned long long value = 0;
    bool overflow = false;
    const char* start = s;
    for (int digit; (digit = digit_value(*s)) < static_cast<int>(base); ++s) {
        if (value > (~0ULL - static_cast<unsigned>(digit)) / base)
            overflow = true;
        value = value * base + static_cast<unsigned>(digit);
    }
    if (s == start)
        return -EINVAL;
    if (*s == '\n')
        ++s;
    if (*s != '\0')
        return -EINVAL;
    if (overflow)
        return -ERANGE;
    *res = value;
    return 0;
}

// Parses into long long, then checks [min, max] of the target type.
int parse_signed_range(const char* s, unsigned int base, long long min, long long max, long long* res)
{
    long long value;
    if (int error = kstrtoll(s, base, &value); error)
        return error;
    if (value < min || value > max)
        return -ERANGE;
    *res = value;
    return 0;
}

int parse_unsigned_range(const char* s, unsigned int base, unsigned long long max, unsigned long long* res)
{
    unsigned long long value;
    if (int error = kstrtoull(s, base, &value); error)
        return error;
    if (value > max)
        return -ERANGE;
    *res = value;
    return 0;
}

// Copies a short user buffer into a NUL-terminated kernel string.
int copy_number_from_user(char (&buffer)[64], const char __user* s, size_t count)
{
    if (count > sizeof(buffer) - 1)
        count = sizeof(buffer) - 1;
    if (copy_from_user(buffer, s, count))
        return -EFAULT;
    buffer[count] = '\0';
    return 0;
}

} // namespace

extern "C" int kstrtoull(const char* s, unsigned int base, unsigned long long* res)
{
    return parse_unsigned(s, base, res);
}
EXPORT_SYMBOL(kstrtoull);

extern "C" int kstrtoll(const char* s, unsigned int base, long long* res)
{
    unsigned long long magnitude;
    if (s[0] == '-') {
        if (int error = parse_unsigned(s + 1, base, &magnitude); error)
            return error;
        if (magnitude > static_cast<unsigned long long>(LLONG_MAX) + 1)
            return -ERANGE;
        *res = static_cast<long long>(0ULL - magnitude);
        return 0;
    }
    if (int error = parse_unsigned(s, base, &magnitude); error)
        return error;
    if (magnitude > static_cast<unsigned long long>(LLONG_MAX))
        return -ERANGE;
    *res = static_cast<long long>(magnitude);
    return 0;
}
EXPORT_SYMBOL(kstrtoll);

#define KSTRTO_UNSIGNED(name, type, max)                                   \
    extern "C" int name(const char* s, unsigned int base, type* res)       \
    {                                                                      \
        unsigned long long value;                                          \
        if (int error = parse_unsigned_range(s, base, max, &value); error) \
            return error;                                                  \
        *res = static_cast<type>(value);                                   \
        return 0;                                                          \
    }                                                                      \
    EXPORT_SYMBOL(name)

#define KSTRTO_SIGNED(name, type, min, max)                                   \
    extern "C" int name(const char* s, unsigned int base, type* res)          \
    {                                                                         \
        long long value;                                                      \
        if (int error = parse_signed_range(s, base, min, max, &value); error) \
            return error;                                                     \
        *res = static_cast<type>(value);                                      \
        return 0;                                                             \
    }                                                                         \
    EXPORT_SYMBOL(name)

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX);
KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX);
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX);
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX);
KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX);
KSTRTO_SIGNED(kstrtos16, s16, S16_MIN, S16_MAX);
KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX);
KSTRTO_SIGNED(kstrtos8, s8, S8_MIN, S8_MAX);

// Only the first characters count, as Linux: "yes", "1", "on" / "no", "0", "off".
extern "C" int kstrtobool(const char* s, bool* res)
{
    if (!s)
        return -EINVAL;
    switch (s[0]) {
    case 'y': case 'Y': case '1':
        *res = true;
        return 0;
    case 'n': case 'N': case '0':
        *res = false;
        return 0;
    case 'o': case 'O':
        if (libk::tolower(s[1]) == 'n') {
            *res = true;
            return 0;
        }
        if (libk::tolower(s[1]) == 'f') {
            *res = false;
            return 0;
        }
        return -EINVAL;
    default:
        return -EINVAL;
    }
}
EXPORT_SYMBOL(kstrtobool);

#define KSTRTO_FROM_USER(name, parser, type)                                                  \
    extern "C" int name(const char __user* s, size_t count, unsigned int base, type* res)     \
    {                                                                                         \
        char buffer[64];                                                                      \
        if (int error = copy_number_from_user(buffer, s, count); error)                       \
            return error;                                                                     \
        return parser(buffer, base, res);                                                     \
    }                                                                                         \
    EXPORT_SYMBOL(name)

KSTRTO_FROM_USER(kstrtoull_from_user, kstrtoull, unsigned long long);
KSTRTO_FROM_USER(kstrtoll_from_user, kstrtoll, long long);
KSTRTO_FROM_USER(kstrtoul_from_user, kstrtoul, unsigned long);
KSTRTO_FROM_USER(kstrtol_from_user, kstrtol, long);
KSTRTO_FROM_USER(kstrtouint_from_user, kstrtouint, unsigned int);
KSTRTO_FROM_USER(kstrtoint_from_user, kstrtoint, int);

extern "C" int kstrtobool_from_user(const char __user* s, size_t count, bool* res)
{
    char buffer[64];
    if (int error = copy_number_from_user(buffer, s, count); error)
        return error;
    return kstrtobool(buffer, res);
}
EXPORT_SYMBOL(kstrtobool_from_user);

extern "C" unsigned long long simple_strtoull(const char* cp, char** endp, unsigned int base)
{
    return libk::strtoull(cp, endp, static_cast<int>(base));
}
EXPORT_SYMBOL(simple_strtoull);

extern "C" long long simple_strtoll(const char* cp, char** endp, unsigned int base)
{
    return libk::strtoll(cp, endp, static_cast<int>(base));
}
EXPORT_SYMBOL(simple_strtoll);
