// vsnprintf and friends: parse one conversion spec at a time and emit it into a bounded buffer.
#include <libk/ctype.h>
#include <libk/format.h>
#include <libk/string.h>

namespace libk {

namespace {

constinit SymbolResolver g_symbol_resolver = nullptr;

// Counts every character, stores only those that fit (leaving room for the NUL).
struct Output {
    char* buf;
    size_t size;
    size_t length;

    void put(char c)
    {
        if (length + 1 < size)
            buf[length] = c;
        ++length;
    }
    void repeat(char c, int count)
    {
        for (int i = 0; i < count; ++i)
            put(c);
    }
    void write(const char* s, size_t n)
    {
        for (size_t i = 0; i < n; ++i)
            put(s[i]);
    }
};

struct Spec {
    bool left_align = false;
    bool zero_pad = false;
    bool plus_sign = false;
    bool space_sign = false;
    bool alternate = false;
    int width = 0;
    int precision = -1; // -1: none given
    char length = 0; // 'H' for hh, 'h', 'l', 'L' for ll, 'z', 't', 'j'
};

// Pads `body_length` characters of text to the field width.
void emit_padded(Output& out, const Spec& spec, const char* text, size_t body_length)
{
    int padding = spec.width - static_cast<int>(body_length);
    if (!spec.left_align)
        out.repeat(' ', padding);
    out.write(text, body_length);
    if (spec.left_align)
        out.repeat(' ', padding);
}

void emit_integer(Output& out, const Spec& spec, unsigned long long magnitude, bool negative,
    bool is_signed, unsigned base, bool uppercase)
{
    const char* digit_chars = uppercase ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24]; // 22 octal digits hold 64 bits
    int digit_count = 0;
    // Divide in 32 bits when the value fits: on i686 that avoids libgcc's 64-bit division.
    unsigned long long v = magnitude;
    for (; v > 0xffffffffu; v /= base)
        digits[digit_count++] = digit_chars[v % base];
    for (uint32_t small = static_cast<uint32_t>(v); small != 0; small /= base)
        digits[digit_count++] = digit_chars[small % base];
    // C: precision 0 with value 0 prints no digits; otherwise precision defaults to 1.
    if (digit_count == 0 && spec.precision != 0)
        digits[digit_count++] = '0';

    char prefix[2];
    int prefix_length = 0;
    if (negative)
        prefix[prefix_length++] = '-';
    else if (is_signed && spec.plus_sign)
        prefix[prefix_length++] = '+';
    else if (is_signed && spec.space_sign)
        prefix[prefix_length++] = ' ';
    if (spec.alternate && base == 16 && magnitude != 0) {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = uppercase ? 'X' : 'x';
    }

    int zeros = spec.precision > digit_count ? spec.precision - digit_count : 0;
    // %#o guarantees a leading 0, by raising the precision if needed.
    if (spec.alternate && base == 8 && zeros == 0 && (digit_count == 0 || digits[digit_count - 1] != '0'))
        zeros = 1;
    int body = prefix_length + zeros + digit_count;
    int padding = spec.width > body ? spec.width - body : 0;
    // The 0 flag pads between sign and digits, and is ignored with a precision or '-'.
    if (spec.zero_pad && !spec.left_align && spec.precision < 0) {
        zeros += padding;
        padding = 0;
    }
    if (!spec.left_align)
        out.repeat(' ', padding);
    out.write(prefix, prefix_length);
    out.repeat('0', zeros);
    while (digit_count > 0)
        out.put(digits[--digit_count]);
    if (spec.left_align)
        out.repeat(' ', padding);
}

void emit_pointer(Output& out, Spec spec, uintptr_t address)
{
    // Linux %px style: at least 8 digits (exactly 8 on i686), no "0x".
    spec.precision = 8;
    spec.alternate = false;
    spec.plus_sign = spec.space_sign = false;
    emit_integer(out, spec, address, false, false, 16, false);
}

void emit_symbol(Output& out, const Spec& spec, uintptr_t address, bool with_offset)
{
    char name[128];
    int n = g_symbol_resolver ? g_symbol_resolver(address, name, sizeof(name), with_offset) : 0;
    if (n <= 0) {
        emit_pointer(out, spec, address);
        return;
    }
    // Trust the terminator, not the return value, in case the resolver over-reports.
    name[sizeof(name) - 1] = '\0';
    emit_padded(out, spec, name, strnlen(name, static_cast<size_t>(n)));
}

void emit_string(Output& out, const Spec& spec, const char* s)
{
    if (!s)
        s = "(null)";
    size_t length = spec.precision >= 0 ? strnlen(s, static_cast<size_t>(spec.precision)) : strlen(s);
    emit_padded(out, spec, s, length);
}

// Reads a signed argument of the size the length modifier names.
long long signed_argument(char length, va_list* ap)
{
    switch (length) {
    case 'H': return static_cast<signed char>(va_arg(*ap, int));
    case 'h': return static_cast<short>(va_arg(*ap, int));
    case 'l': return va_arg(*ap, long);
    case 'L': return va_arg(*ap, long long);
    case 'z': // the signed type of size_t's width
    case 't': return va_arg(*ap, ptrdiff_t);
    case 'j': return va_arg(*ap, intmax_t);
    default: return va_arg(*ap, int);
    }
}

unsigned long long unsigned_argument(char length, va_list* ap)
{
    switch (length) {
    case 'H': return static_cast<unsigned char>(va_arg(*ap, unsigned));
    case 'h': return static_cast<unsigned short>(va_arg(*ap, unsigned));
    case 'l': return va_arg(*ap, unsigned long);
    case 'L': return va_arg(*ap, unsigned long long);
    case 'z':
    case 't': return va_arg(*ap, size_t);
    case 'j': return va_arg(*ap, uintmax_t);
    default: return va_arg(*ap, unsigned);
    }
}

// Parses a decimal field (width or precision) at *p.
int parse_decimal(const char** p)
{
    int value = 0;
    while (isdigit(**p)) {
        if (value < 100000000) // absurd widths saturate instead of overflowing
            value = value * 10 + (**p - '0');
        ++*p;
    }
    return value;
}

// Formats the spec starting just after '%'; returns the position after it.
const char* format_one(Output& out, const char* fmt, va_list* ap)
{
    const char* start = fmt - 1; // the '%', for copying unknown conversions through
    Spec spec;
    for (;; ++fmt) {
        if (*fmt == '-')
            spec.left_align = true;
        else if (*fmt == '0')
            spec.zero_pad = true;
        else if (*fmt == '+')
            spec.plus_sign = true;
        else if (*fmt == ' ')
            spec.space_sign = true;
        else if (*fmt == '#')
            spec.alternate = true;
        else
            break;
    }
    if (*fmt == '*') {
        ++fmt;
        spec.width = va_arg(*ap, int);
        // C: a negative width argument means '-' and its absolute value.
        if (spec.width < 0) {
            spec.left_align = true;
            spec.width = spec.width == -2147483647 - 1 ? 2147483647 : -spec.width;
        }
    } else {
        spec.width = parse_decimal(&fmt);
    }
    if (*fmt == '.') {
        ++fmt;
        if (*fmt == '*') {
            ++fmt;
            spec.precision = va_arg(*ap, int);
            if (spec.precision < 0)
                spec.precision = -1; // negative means "as if omitted"
        } else {
            spec.precision = parse_decimal(&fmt);
        }
    }
    if (*fmt == 'h') {
        spec.length = fmt[1] == 'h' ? 'H' : 'h';
        fmt += spec.length == 'H' ? 2 : 1;
    } else if (*fmt == 'l') {
        spec.length = fmt[1] == 'l' ? 'L' : 'l';
        fmt += spec.length == 'L' ? 2 : 1;
    } else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j') {
        spec.length = *fmt++;
    } else if (*fmt == 'L' || *fmt == 'q') {
        spec.length = 'L';   // Linux's vsnprintf: %Ld and %qd are %lld (the module guide's seq_file listing)
        ++fmt;
    }

    char conversion = *fmt;
    if (conversion == '\0') {
        out.write(start, fmt - start); // a lone trailing '%' stays as it was
        return fmt;
    }
    ++fmt;
    switch (conversion) {
    case 'd':
    case 'i': {
        long long value = signed_argument(spec.length, ap);
        // Negate in unsigned arithmetic so LLONG_MIN works.
        unsigned long long magnitude = value < 0 ? 0ull - static_cast<unsigned long long>(value) : value;
        emit_integer(out, spec, magnitude, value < 0, true, 10, false);
        break;
    }
    case 'u':
        emit_integer(out, spec, unsigned_argument(spec.length, ap), false, false, 10, false);
        break;
    case 'x':
    case 'X':
        emit_integer(out, spec, unsigned_argument(spec.length, ap), false, false, 16, conversion == 'X');
        break;
    case 'o':
        emit_integer(out, spec, unsigned_argument(spec.length, ap), false, false, 8, false);
        break;
    case 'c': {
        char c = static_cast<char>(va_arg(*ap, int));
        emit_padded(out, spec, &c, 1);
        break;
    }
    case 's':
        emit_string(out, spec, va_arg(*ap, const char*));
        break;
    case 'p': {
        auto address = reinterpret_cast<uintptr_t>(va_arg(*ap, void*));
        // Linux: %pS / %ps name the symbol; the letter belongs to the conversion.
        if (*fmt == 'S' || *fmt == 's') {
            emit_symbol(out, spec, address, *fmt++ == 'S');
        } else {
            // %px (the raw address) and %pK (kernel pointers) print as %p.
            if (*fmt == 'x' || *fmt == 'K')
                ++fmt;
            emit_pointer(out, spec, address);
        }
        break;
    }
    case '%':
        out.put('%');
        break;
    default:
        // Unknown (including %n, which we never support): show it as written.
        out.write(start, fmt - start);
        break;
    }
    return fmt;
}

} // namespace

void set_symbol_resolver(SymbolResolver resolver)
{
    g_symbol_resolver = resolver;
}

int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap)
{
    Output out { buf, size, 0 };
    // Copy the va_list so helpers can take its address portably (it is an array on x86-64).
    va_list args;
    va_copy(args, ap);
    while (*fmt) {
        if (*fmt == '%')
            fmt = format_one(out, fmt + 1, &args);
        else
            out.put(*fmt++);
    }
    va_end(args);
    if (size > 0)
        buf[out.length < size ? out.length : size - 1] = '\0';
    return static_cast<int>(out.length);
}

int snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int length = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return length;
}

int vscnprintf(char* buf, size_t size, const char* fmt, va_list ap)
{
    int length = vsnprintf(buf, size, fmt, ap);
    if (size == 0)
        return 0;
    return static_cast<size_t>(length) < size ? length : static_cast<int>(size - 1);
}

int scnprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int length = vscnprintf(buf, size, fmt, ap);
    va_end(ap);
    return length;
}

} // namespace libk
