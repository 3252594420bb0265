/*
 * The printf engine. It walks the format, takes each argument with the right type,
 * and formats integers through libk's vsnprintf (one conversion at a time); strings,
 * characters, %p, %m, %n and floating point (%f %e %g, exact) are done here.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/stdio_impl.h"

struct spec {
    int left, plus, space, alt, zero;
    int width;     /* -1: none */
    int precision; /* -1: none */
    char length[3];
    char conv;
};

struct out {
    __format_sink sink;
    void* ctx;
    int total;
};

static void emit(struct out* o, const char* s, size_t n)
{
    if (n) {
        o->sink(o->ctx, s, n);
        o->total += (int)n;
    }
}

static void pad(struct out* o, char c, int count)
{
    char chunk[32];
    memset(chunk, c, sizeof(chunk));
    while (count > 0) {
        int n = count < (int)sizeof(chunk) ? count : (int)sizeof(chunk);
        emit(o, chunk, (size_t)n);
        count -= n;
    }
}

/* Emit `s` (n bytes) padded to the field width; zero padding goes after any sign or 0x. */
static void emit_field(struct out* o, const struct spec* sp, const char* s, size_t n, int zero_ok)
{
    int fill = sp->width > (int)n ? sp->width - (int)n : 0;
    if (sp->left) {
        emit(o, s, n);
        pad(o, ' ', fill);
    } else if (sp->zero && zero_ok) {
        size_t prefix = 0;
        if (n && (s[0] == '-' || s[0] == '+' || s[0] == ' '))
            prefix = 1;
        if (n >= prefix + 2 && s[prefix] == '0' && (s[prefix + 1] == 'x' || s[prefix + 1] == 'X'))
            prefix += 2;
        emit(o, s, prefix);
        pad(o, '0', fill);
        emit(o, s + prefix, n - prefix);
    } else {
        pad(o, ' ', fill);
        emit(o, s, n);
    }
}

/* Rebuild one integer conversion ("%-08.3lld") for libk. */
static void build_spec(char* buf, const struct spec* sp)
{
    char* p = buf;
    *p++ = '%';
    if (sp->left)
        *p++ = '-';
    if (sp->plus)
        *p++ = '+';
    if (sp->space)
        *p++ = ' ';
    if (sp->alt)
        *p++ = '#';
    if (sp->zero)
        *p++ = '0';
    if (sp->width >= 0)
        p += __libk_snprintf(p, 12, "%d", sp->width);
    if (sp->precision >= 0)
        p += __libk_snprintf(p, 13, ".%d", sp->precision);
    for (const char* l = sp->length; *l; ++l)
        *p++ = *l;
    *p++ = sp->conv;
    *p = 0;
}

static void format_integer(struct out* o, const struct spec* sp, va_list* ap)
{
    char f[48], small[128];
    build_spec(f, sp);
    const char* len = sp->length;
    int n;
    long long ll = 0;
    int wide = (len[0] == 'l' && len[1] == 'l') || len[0] == 'j' || len[0] == 'q' || len[0] == 'L';
    if (wide)
        ll = va_arg(*ap, long long);
    else if (len[0] == 'l')
        ll = va_arg(*ap, long);
    else
        ll = va_arg(*ap, int); /* int, short, char, size_t and ptrdiff_t are all 32-bit here */
    /* libk reads the argument with the length modifier in the spec, so pass the same type. */
#define FORMAT_INTO(buf, size) (wide ? __libk_snprintf(buf, size, f, ll) \
        : len[0] == 'l' ? __libk_snprintf(buf, size, f, (long)ll) : __libk_snprintf(buf, size, f, (int)ll))
    n = FORMAT_INTO(small, sizeof(small));
    if (n < (int)sizeof(small)) {
        emit(o, small, (size_t)n);
        return;
    }
    char* big = malloc((size_t)n + 1);
    if (!big) {
        emit(o, small, sizeof(small) - 1);
        return;
    }
    FORMAT_INTO(big, (size_t)n + 1);
    emit(o, big, (size_t)n);
    free(big);
#undef FORMAT_INTO
}

static void format_string(struct out* o, const struct spec* sp, const char* s)
{
    if (!s)
        s = "(null)";
    size_t n = sp->precision >= 0 ? strnlen(s, (size_t)sp->precision) : strlen(s);
    emit_field(o, sp, s, n, 0);
}

/* ---- floating point (digits from format_float.c) ---- */

int __format_float(char* out, double v, char conv, int prec, int alt);

#define MAX_PRECISION 100

static void format_float(struct out* o, const struct spec* sp, long double lv)
{
    char buf[360 + MAX_PRECISION];
    int len = 0;
    double v = (double)lv; /* long double is printed with double precision */
    int upper = sp->conv == 'F' || sp->conv == 'E' || sp->conv == 'G';
    int negative = __builtin_signbit(v) != 0;
    if (negative)
        v = -v;
    if (negative)
        buf[len++] = '-';
    else if (sp->plus)
        buf[len++] = '+';
    else if (sp->space)
        buf[len++] = ' ';
    if (__builtin_isnan(v) || __builtin_isinf(v)) {
        memcpy(buf + len, __builtin_isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        emit_field(o, sp, buf, (size_t)len + 3, 0);
        return;
    }
    int prec = sp->precision < 0 ? 6 : sp->precision;
    if (prec > MAX_PRECISION)
        prec = MAX_PRECISION;
    len += __format_float(buf + len, v, sp->conv, prec, sp->alt);
    emit_field(o, sp, buf, (size_t)len, 1);
}

int __vformat(__format_sink sink, void* ctx, const char* fmt, va_list ap_in)
{
    struct out o = { sink, ctx, 0 };
    va_list ap;
    va_copy(ap, ap_in);
    while (*fmt) {
        if (*fmt != '%') {
            const char* next = strchrnul(fmt, '%');
            emit(&o, fmt, (size_t)(next - fmt));
            fmt = next;
            continue;
        }
        const char* start = fmt++;
        struct spec sp = { 0, 0, 0, 0, 0, -1, -1, { 0 }, 0 };
        for (;; ++fmt) {
            if (*fmt == '-')
                sp.left = 1;
            else if (*fmt == '+')
                sp.plus = 1;
            else if (*fmt == ' ')
                sp.space = 1;
            else if (*fmt == '#')
                sp.alt = 1;
            else if (*fmt == '0')
                sp.zero = 1;
            else if (*fmt != '\'') /* thousands grouping: no locale, ignored */
                break;
        }
        if (*fmt == '*') {
            sp.width = va_arg(ap, int);
            if (sp.width < 0) {
                sp.left = 1;
                sp.width = -sp.width;
            }
            ++fmt;
        } else if (*fmt >= '0' && *fmt <= '9') {
            sp.width = 0;
            while (*fmt >= '0' && *fmt <= '9')
                sp.width = sp.width * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {
            ++fmt;
            sp.precision = 0;
            if (*fmt == '*') {
                sp.precision = va_arg(ap, int);
                if (sp.precision < 0)
                    sp.precision = -1;
                ++fmt;
            } else {
                while (*fmt >= '0' && *fmt <= '9')
                    sp.precision = sp.precision * 10 + (*fmt++ - '0');
            }
        }
        int li = 0;
        while (li < 2 && (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'q' || *fmt == 'j' || *fmt == 'z'
                   || *fmt == 't')) {
            sp.length[li++] = *fmt++;
        }
        sp.conv = *fmt;
        if (!*fmt) {
            emit(&o, start, (size_t)(fmt - start));
            break;
        }
        ++fmt;
        switch (sp.conv) {
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            if (sp.length[0] == 'L') { /* %Ld: a glibc synonym of %lld */
                sp.length[0] = 'l';
                sp.length[1] = 'l';
            }
            if (sp.length[0] == 'z' || sp.length[0] == 't' || sp.length[0] == 'q' || sp.length[0] == 'j') {
                int wide = sp.length[0] == 'q' || sp.length[0] == 'j';
                sp.length[0] = wide ? 'l' : 0;
                sp.length[1] = wide ? 'l' : 0;
            }
            format_integer(&o, &sp, &ap);
            break;
        case 'c': {
            char ch = (char)va_arg(ap, int);
            emit_field(&o, &sp, &ch, 1, 0);
            break;
        }
        case 's':
            format_string(&o, &sp, va_arg(ap, const char*));
            break;
        case 'm':
            format_string(&o, &sp, strerror(errno));
            break;
        case 'p': {
            void* p = va_arg(ap, void*);
            if (!p) {
                sp.precision = -1;
                format_string(&o, &sp, "(nil)");
                break;
            }
            char buf[24];
            int n = __libk_snprintf(buf, sizeof(buf), "0x%lx", (unsigned long)(uintptr_t)p);
            emit_field(&o, &sp, buf, (size_t)n, 1);
            break;
        }
        case 'n': {
            void* p = va_arg(ap, void*);
            if (sp.length[0] == 'h' && sp.length[1] == 'h')
                *(signed char*)p = (signed char)o.total;
            else if (sp.length[0] == 'h')
                *(short*)p = (short)o.total;
            else if (sp.length[0] == 'l' && sp.length[1] == 'l')
                *(long long*)p = o.total;
            else
                *(int*)p = o.total;
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            long double v = sp.length[0] == 'L' ? va_arg(ap, long double) : (long double)va_arg(ap, double);
            if ((sp.conv | 0x20) == 'a')
                sp.conv = sp.conv == 'a' ? 'e' : 'E'; /* hex floats: approximated by %e */
            format_float(&o, &sp, v);
            break;
        }
        case '%':
            emit(&o, "%", 1);
            break;
        default:
            emit(&o, start, (size_t)(fmt - start)); /* unknown: copied through */
            break;
        }
    }
    va_end(ap);
    return o.total;
}
