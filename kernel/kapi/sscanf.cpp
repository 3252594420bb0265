// sscanf/vsscanf for modules: reading numbers and words back out of a string
// (a proc or device write). The conversions Linux's vsscanf has: %d %i %u %x
// %X %o %c %s %n %[...], widths, '*' to skip, and hh h l ll L z t j sizes.
#include <libk/ctype.h>
#include <linux/export.h>
#include <linux/kernel.h>

namespace {

enum class Size { Char, Short, Int, Long, LongLong, SizeT };

int digit_value(char c)
{
    if (libk::isdigit(c))
        return c - '0';
    c = static_cast<char>(libk::tolower(c));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : 99;
}

// Reads an optionally signed number of at most `width` characters (0: no
// limit) in `base` (0: from the prefix, as %i). False when no digit came.
bool scan_number(const char*& s, int base, int width, unsigned long long& value)
{
    const char* p = s;
    auto left = [&] { return width <= 0 || p - s < width; };
    bool negative = false;
    if (left() && (*p == '-' || *p == '+'))
        negative = *p++ == '-';
    if (base == 0) {
        base = 10;
        if (left() && *p == '0') {
            base = 8;
            if ((width <= 0 || p + 2 - s < width) && libk::tolower(p[1]) == 'x' && libk::isxdigit(p[2])) {
                base = 16;
                p += 2;
            }
        }
    } else if (base == 16 && (width <= 0 || p + 2 - s < width) && p[0] == '0' && libk::tolower(p[1]) == 'x'
        && libk::isxdigit(p[2])) {
        p += 2;
    }
    const char* digits = p;
    unsigned long long result = 0;
    while (left() && digit_value(*p) < base)
        result = result * static_cast<unsigned>(base) + static_cast<unsigned>(digit_value(*p++));
    if (p == digits)
        return false;
    value = negative ? 0ULL - result : result;
    s = p;
    return true;
}

void store_number(va_list& args, Size size, unsigned long long value)
{
    switch (size) {
    case Size::Char: *va_arg(args, unsigned char*) = static_cast<unsigned char>(value); break;
    case Size::Short: *va_arg(args, unsigned short*) = static_cast<unsigned short>(value); break;
    case Size::Int: *va_arg(args, unsigned int*) = static_cast<unsigned int>(value); break;
    case Size::Long: *va_arg(args, unsigned long*) = static_cast<unsigned long>(value); break;
    case Size::LongLong: *va_arg(args, unsigned long long*) = value; break;
    case Size::SizeT: *va_arg(args, size_t*) = static_cast<size_t>(value); break;
    }
}

// A %[...] set: `fmt` points after '['; returns the char after ']'.
const char* parse_scanset(const char* fmt, bool (&set)[256])
{
    bool invert = *fmt == '^';
    if (invert)
        ++fmt;
    for (bool& member : set)
        member = false;
    if (*fmt == ']')   // a leading ']' is a member
        set[static_cast<unsigned char>(*fmt++)] = true;
    while (*fmt && *fmt != ']') {
        unsigned char first = static_cast<unsigned char>(*fmt);
        if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
            for (unsigned c = first; c <= static_cast<unsigned char>(fmt[2]); ++c)
                set[c] = true;
            fmt += 3;
        } else {
            set[first] = true;
            ++fmt;
        }
    }
    if (invert)
        for (bool& member : set)
            member = !member;
    set[0] = false;
    return *fmt == ']' ? fmt + 1 : fmt;
}

} // namespace

extern "C" int vsscanf(const char* buf, const char* fmt, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    const char* s = buf;
    int assigned = 0;
    while (*fmt) {
        if (libk::isspace(*fmt)) {   // white space matches any amount, also none
            while (libk::isspace(*fmt))
                ++fmt;
            while (libk::isspace(*s))
                ++s;
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%')
                ++fmt;
            if (*s != *fmt)
                break;
            ++s;
            ++fmt;
            continue;
        }
        ++fmt;
        bool suppress = *fmt == '*';
        if (suppress)
            ++fmt;
        int width = 0;
        while (libk::isdigit(*fmt))
            width = width * 10 + (*fmt++ - '0');
        Size size = Size::Int;
        if (*fmt == 'h') {
            size = fmt[1] == 'h' ? Size::Char : Size::Short;
            fmt += fmt[1] == 'h' ? 2 : 1;
        } else if (*fmt == 'l') {
            size = fmt[1] == 'l' ? Size::LongLong : Size::Long;
            fmt += fmt[1] == 'l' ? 2 : 1;
        } else if (*fmt == 'L' || *fmt == 'q' || *fmt == 'j') {
            size = Size::LongLong;
            ++fmt;
        } else if (*fmt == 'z' || *fmt == 'Z' || *fmt == 't') {
            size = Size::SizeT;
            ++fmt;
        }
        char conversion = *fmt++;
        if (conversion == '\0')
            break;
        if (conversion == 'n') {
            if (!suppress)
                *va_arg(args, int*) = static_cast<int>(s - buf);
            continue;
        }
        if (conversion != 'c' && conversion != '[')
            while (libk::isspace(*s))
                ++s;
        if (*s == '\0')
            break;   // input ended before this conversion

        bool matched = true;
        switch (conversion) {
        case 'c': {
            int count = width > 0 ? width : 1;
            char* out = suppress ? nullptr : va_arg(args, char*);
            for (int i = 0; i < count; ++i) {
                if (!s[i]) {
                    matched = false;
                    break;
                }
            }
            if (matched) {
                for (int i = 0; i < count; ++i, ++s)
                    if (out)
                        out[i] = *s;
            }
            break;
        }
        case 's': {
            char* out = suppress ? nullptr : va_arg(args, char*);
            int i = 0;
            while (*s && !libk::isspace(*s) && (width <= 0 || i < width)) {
                if (out)
                    out[i] = *s;
                ++i;
                ++s;
            }
            if (out)
                out[i] = '\0';
            break;
        }
        case '[': {
            bool set[256];
            fmt = parse_scanset(fmt, set);
            char* out = suppress ? nullptr : va_arg(args, char*);
            int i = 0;
            while (set[static_cast<unsigned char>(*s)] && (width <= 0 || i < width)) {
                if (out)
                    out[i] = *s;
                ++i;
                ++s;
            }
            if (i == 0)
                matched = false;
            else if (out)
                out[i] = '\0';
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'p': {
            int base = conversion == 'i' ? 0 : conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X' || conversion == 'p') ? 16 : 10;
            if (conversion == 'p')
                size = Size::Long;
            unsigned long long value;
            matched = scan_number(s, base, width, value);
            if (matched && !suppress)
                store_number(args, size, value);
            break;
        }
        default:
            matched = false;
            break;
        }
        if (!matched)
            break;
        if (!suppress)
            ++assigned;
    }
    va_end(args);
    return assigned;
}
EXPORT_SYMBOL(vsscanf);

extern "C" int sscanf(const char* buf, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int assigned = vsscanf(buf, fmt, args);
    va_end(args);
    return assigned;
}
EXPORT_SYMBOL(sscanf);
