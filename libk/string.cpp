// The C string and memory functions declared in libk/string.h, with C semantics.
// Plain C++: the kernel exports them under their C names, so they must not call themselves.
#include <libk/ctype.h>
#include <libk/string.h>
#include <limits.h>
#include <stdint.h>

namespace libk {

namespace {

// A machine word that may alias any object, so word-at-a-time copies are well defined
// even when the host build uses strict aliasing.
using Word = uintptr_t __attribute__((may_alias));
constexpr size_t word_size = sizeof(Word);

bool word_aligned(const void* p) { return (reinterpret_cast<uintptr_t>(p) & (word_size - 1)) == 0; }

} // namespace

void* memcpy(void* dest, const void* src, size_t n)
{
    auto* d = static_cast<unsigned char*>(dest);
    auto* s = static_cast<const unsigned char*>(src);
    // The RAM disk copies whole sectors: move words when both sides allow it,
    // four loads then four stores a turn (under QEMU's TCG a quarter faster
    // than a word at a time).
    if (word_aligned(d) && word_aligned(s)) {
        for (; n >= 4 * word_size; n -= 4 * word_size, d += 4 * word_size, s += 4 * word_size) {
            Word a = reinterpret_cast<const Word*>(s)[0], b = reinterpret_cast<const Word*>(s)[1];
            Word c = reinterpret_cast<const Word*>(s)[2], e = reinterpret_cast<const Word*>(s)[3];
            reinterpret_cast<Word*>(d)[0] = a;
            reinterpret_cast<Word*>(d)[1] = b;
            reinterpret_cast<Word*>(d)[2] = c;
            reinterpret_cast<Word*>(d)[3] = e;
        }
        for (; n >= word_size; n -= word_size, d += word_size, s += word_size)
            *reinterpret_cast<Word*>(d) = *reinterpret_cast<const Word*>(s);
    }
    while (n--)
        *d++ = *s++;
    return dest;
}

void* memmove(void* dest, const void* src, size_t n)
{
    auto* d = static_cast<unsigned char*>(dest);
    auto* s = static_cast<const unsigned char*>(src);
    // Copying forward is safe unless dest starts inside src; then copy backward.
    if (reinterpret_cast<uintptr_t>(d) - reinterpret_cast<uintptr_t>(s) >= n) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dest;
}

void* memset(void* dest, int c, size_t n)
{
    auto* d = static_cast<unsigned char*>(dest);
    auto byte = static_cast<unsigned char>(c);
    while (n > 0 && !word_aligned(d)) {
        *d++ = byte;
        --n;
    }
    // Every byte of the word is `byte`: multiply by 0x0101...01.
    Word pattern = static_cast<Word>(byte) * (static_cast<Word>(-1) / 0xff);
    // Eight stores a turn: under QEMU's TCG twice as fast as one (a page is
    // zeroed on every anonymous page fault).
    for (; n >= 8 * word_size; n -= 8 * word_size, d += 8 * word_size) {
        auto* w = reinterpret_cast<Word*>(d);
        w[0] = pattern;
        w[1] = pattern;
        w[2] = pattern;
        w[3] = pattern;
        w[4] = pattern;
        w[5] = pattern;
        w[6] = pattern;
        w[7] = pattern;
    }
    for (; n >= word_size; n -= word_size, d += word_size)
        *reinterpret_cast<Word*>(d) = pattern;
    while (n--)
        *d++ = byte;
    return dest;
}

int memcmp(const void* a, const void* b, size_t n)
{
    auto* p = static_cast<const unsigned char*>(a);
    auto* q = static_cast<const unsigned char*>(b);
    for (size_t i = 0; i < n; ++i) {
        if (p[i] != q[i])
            return p[i] - q[i];
    }
    return 0;
}

void* memchr(const void* s, int c, size_t n)
{
    auto* p = static_cast<const unsigned char*>(s);
    for (size_t i = 0; i < n; ++i) {
        if (p[i] == static_cast<unsigned char>(c))
            return const_cast<unsigned char*>(p + i);
    }
    return nullptr;
}

size_t strlen(const char* s)
{
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}

size_t strnlen(const char* s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        ++n;
    return n;
}

int strcmp(const char* a, const char* b)
{
    // C compares as unsigned char.
    auto* p = reinterpret_cast<const unsigned char*>(a);
    auto* q = reinterpret_cast<const unsigned char*>(b);
    while (*p && *p == *q) {
        ++p;
        ++q;
    }
    return *p - *q;
}

int strncmp(const char* a, const char* b, size_t n)
{
    auto* p = reinterpret_cast<const unsigned char*>(a);
    auto* q = reinterpret_cast<const unsigned char*>(b);
    for (size_t i = 0; i < n; ++i) {
        if (p[i] != q[i] || p[i] == 0)
            return p[i] - q[i];
    }
    return 0;
}

int strcasecmp(const char* a, const char* b)
{
    return strncasecmp(a, b, SIZE_MAX);
}

int strncasecmp(const char* a, const char* b, size_t n)
{
    auto* p = reinterpret_cast<const unsigned char*>(a);
    auto* q = reinterpret_cast<const unsigned char*>(b);
    for (size_t i = 0; i < n; ++i) {
        int x = tolower(p[i]);
        int y = tolower(q[i]);
        if (x != y || x == 0)
            return x - y;
    }
    return 0;
}

char* strchr(const char* s, int c)
{
    // The terminator counts as part of the string: strchr(s, 0) finds it.
    for (;; ++s) {
        if (*s == static_cast<char>(c))
            return const_cast<char*>(s);
        if (*s == '\0')
            return nullptr;
    }
}

char* strrchr(const char* s, int c)
{
    const char* found = nullptr;
    for (;; ++s) {
        if (*s == static_cast<char>(c))
            found = s;
        if (*s == '\0')
            return const_cast<char*>(found);
    }
}

char* strstr(const char* haystack, const char* needle)
{
    size_t needle_length = strlen(needle);
    for (; *haystack; ++haystack) {
        if (strncmp(haystack, needle, needle_length) == 0)
            return const_cast<char*>(haystack);
    }
    return needle_length == 0 ? const_cast<char*>(haystack) : nullptr;
}

char* strcpy(char* dest, const char* src)
{
    char* d = dest;
    while ((*d++ = *src++) != '\0') { }
    return dest;
}

char* strncpy(char* dest, const char* src, size_t n)
{
    // C pads the rest with NULs and does not terminate when src is too long.
    size_t i = 0;
    for (; i < n && src[i]; ++i)
        dest[i] = src[i];
    for (; i < n; ++i)
        dest[i] = '\0';
    return dest;
}

char* strcat(char* dest, const char* src)
{
    strcpy(dest + strlen(dest), src);
    return dest;
}

char* strncat(char* dest, const char* src, size_t n)
{
    char* d = dest + strlen(dest);
    size_t i = 0;
    for (; i < n && src[i]; ++i)
        d[i] = src[i];
    d[i] = '\0';
    return dest;
}

size_t strlcpy(char* dest, const char* src, size_t size)
{
    size_t length = strlen(src);
    if (size > 0) {
        size_t n = length < size - 1 ? length : size - 1;
        memcpy(dest, src, n);
        dest[n] = '\0';
    }
    return length;
}

size_t strlcat(char* dest, const char* src, size_t size)
{
    // A dest that is not terminated within size counts as size long (BSD).
    size_t used = strnlen(dest, size);
    if (used == size)
        return size + strlen(src);
    return used + strlcpy(dest + used, src, size - used);
}

size_t strspn(const char* s, const char* accept)
{
    size_t n = 0;
    while (s[n] && strchr(accept, s[n]))
        ++n;
    return n;
}

size_t strcspn(const char* s, const char* reject)
{
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n]))
        ++n;
    return n;
}

char* strpbrk(const char* s, const char* accept)
{
    s += strcspn(s, accept);
    return *s ? const_cast<char*>(s) : nullptr;
}

char* strsep(char** stringp, const char* delim)
{
    char* token = *stringp;
    if (!token)
        return nullptr;
    char* end = token + strcspn(token, delim);
    if (*end) {
        *end = '\0';
        *stringp = end + 1;
    } else {
        *stringp = nullptr;
    }
    return token;
}

namespace {

int digit_value(char c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 36;
}

// The common part of the strto* family: parses the magnitude, saturating at `limit`
// (the largest magnitude the caller's type can hold for this sign).
struct ParsedNumber {
    unsigned long long magnitude;
    bool negative;
    bool overflow;
};

ParsedNumber parse_number(const char* s, char** end, int base, unsigned long long positive_limit,
    unsigned long long negative_limit)
{
    ParsedNumber result { 0, false, false };
    const char* p = s;
    if (base < 0 || base == 1 || base > 36) {
        if (end)
            *end = const_cast<char*>(s);
        return result;
    }
    while (isspace(*p))
        ++p;
    if (*p == '+' || *p == '-')
        result.negative = *p++ == '-';
    // "0x" is a prefix only when a hex digit follows; otherwise the number is just "0".
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit(p[2])) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    unsigned long long limit = result.negative ? negative_limit : positive_limit;
    const char* digits_start = p;
    for (; digit_value(*p) < base; ++p) {
        unsigned digit = digit_value(*p);
        if (result.overflow)
            continue; // keep consuming digits so *end lands after the number, like C
        if (result.magnitude > (limit - digit) / base) {
            result.overflow = true;
            result.magnitude = limit;
        } else {
            result.magnitude = result.magnitude * base + digit;
        }
    }
    if (end)
        *end = const_cast<char*>(p == digits_start ? s : p);
    return result;
}

} // namespace

unsigned long strtoul(const char* s, char** end, int base)
{
    // C: a minus sign negates the value in the unsigned type; overflow gives ULONG_MAX.
    ParsedNumber n = parse_number(s, end, base, ULONG_MAX, ULONG_MAX);
    if (n.overflow)
        return ULONG_MAX;
    unsigned long value = static_cast<unsigned long>(n.magnitude);
    return n.negative ? -value : value;
}

unsigned long long strtoull(const char* s, char** end, int base)
{
    ParsedNumber n = parse_number(s, end, base, ULLONG_MAX, ULLONG_MAX);
    if (n.overflow)
        return ULLONG_MAX;
    return n.negative ? -n.magnitude : n.magnitude;
}

long strtol(const char* s, char** end, int base)
{
    unsigned long long max = LONG_MAX;
    ParsedNumber n = parse_number(s, end, base, max, max + 1);
    if (!n.negative)
        return static_cast<long>(n.magnitude);
    // -(LONG_MAX + 1) cannot be formed by negating a long; build it from LONG_MIN.
    return n.magnitude == max + 1 ? LONG_MIN : -static_cast<long>(n.magnitude);
}

long long strtoll(const char* s, char** end, int base)
{
    unsigned long long max = LLONG_MAX;
    ParsedNumber n = parse_number(s, end, base, max, max + 1);
    if (!n.negative)
        return static_cast<long long>(n.magnitude);
    return n.magnitude == max + 1 ? LLONG_MIN : -static_cast<long long>(n.magnitude);
}

} // namespace libk
