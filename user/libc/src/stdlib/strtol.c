/* strtol family with C's overflow rules (clamp and ERANGE), plus atoi/atol/atoll and the imax forms. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

/*
 * Parse sign and magnitude, saturating at `limit` (the largest magnitude allowed for
 * the sign found). Sets *overflow when it saturated.
 */
static unsigned long long parse(const char* s, char** end, int base, unsigned long long pos_limit,
    unsigned long long neg_limit, int* negative, int* overflow)
{
    const char* p = s;
    unsigned long long value = 0;
    *negative = 0;
    *overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (end)
            *end = (char*)s;
        return 0;
    }
    while (isspace((unsigned char)*p))
        ++p;
    if (*p == '+' || *p == '-')
        *negative = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }
    unsigned long long limit = *negative ? neg_limit : pos_limit;
    const char* digits = p;
    for (int d; (d = digit_value((unsigned char)*p)) < base; ++p) {
        if (*overflow)
            continue;
        if (value > (limit - d) / base) {
            *overflow = 1;
            value = limit;
        } else {
            value = value * base + d;
        }
    }
    if (end)
        *end = (char*)(p == digits ? s : p);
    if (*overflow)
        errno = ERANGE;
    return value;
}

unsigned long long strtoull(const char* s, char** end, int base)
{
    int neg, ovf;
    unsigned long long v = parse(s, end, base, ULLONG_MAX, ULLONG_MAX, &neg, &ovf);
    if (ovf)
        return ULLONG_MAX;
    return neg ? -v : v;
}

unsigned long strtoul(const char* s, char** end, int base)
{
    int neg, ovf;
    unsigned long long v = parse(s, end, base, ULONG_MAX, ULONG_MAX, &neg, &ovf);
    if (ovf)
        return ULONG_MAX;
    return neg ? -(unsigned long)v : (unsigned long)v;
}

long long strtoll(const char* s, char** end, int base)
{
    int neg, ovf;
    unsigned long long v = parse(s, end, base, LLONG_MAX, (unsigned long long)LLONG_MAX + 1, &neg, &ovf);
    if (ovf)
        return neg ? LLONG_MIN : LLONG_MAX;
    return neg ? (long long)(0 - v) : (long long)v;
}

long strtol(const char* s, char** end, int base)
{
    int neg, ovf;
    unsigned long long v = parse(s, end, base, LONG_MAX, (unsigned long long)LONG_MAX + 1, &neg, &ovf);
    if (ovf)
        return neg ? LONG_MIN : LONG_MAX;
    return neg ? (long)(0 - (unsigned long)v) : (long)v;
}

intmax_t strtoimax(const char* s, char** end, int base) { return strtoll(s, end, base); }
uintmax_t strtoumax(const char* s, char** end, int base) { return strtoull(s, end, base); }

int atoi(const char* s) { return (int)strtol(s, NULL, 10); }
long atol(const char* s) { return strtol(s, NULL, 10); }
long long atoll(const char* s) { return strtoll(s, NULL, 10); }
