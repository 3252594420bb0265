/*
 * The scanf family over one engine reading from a string or a FILE: %d %i %u %o %x %X %p
 * %c %s %[set] %n %f %e %g, with *, widths and hh/h/l/ll/j/z/t/L.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/stdio_impl.h"

struct source {
    int (*get)(void* ctx);
    void (*unget)(int c, void* ctx);
    void* ctx;
    int consumed;
};

static int next(struct source* s)
{
    int c = s->get(s->ctx);
    if (c != EOF)
        ++s->consumed;
    return c;
}

static void back(struct source* s, int c)
{
    if (c != EOF) {
        s->unget(c, s->ctx);
        --s->consumed;
    }
}

static int string_get(void* ctx)
{
    const unsigned char** p = ctx;
    return **p ? *(*p)++ : EOF;
}
static void string_unget(int c, void* ctx)
{
    const char** p = ctx;
    (void)c;
    --*p;
}
static int file_get(void* ctx) { return fgetc(ctx); }
static void file_unget(int c, void* ctx) { ungetc(c, ctx); }

static int digit_in_base(int c, int base)
{
    int d = isdigit(c) ? c - '0' : isalpha(c) ? tolower(c) - 'a' + 10 : 99;
    return d < base;
}

/* Collect an integer's characters (at most width) into buf; returns the length, base via *base. */
static int scan_integer(struct source* s, char* buf, int width, int* base)
{
    int len = 0, c = next(s);
    if (len < width && (c == '+' || c == '-')) {
        buf[len++] = (char)c;
        c = next(s);
    }
    if (len < width && c == '0' && (*base == 0 || *base == 16)) {
        buf[len++] = '0';
        c = next(s);
        if (len < width && (c == 'x' || c == 'X')) {
            buf[len++] = (char)c;
            c = next(s);
            *base = 16;
        } else if (*base == 0) {
            *base = 8;
        }
    }
    if (*base == 0)
        *base = 10;
    while (len < width && len < 62 && c != EOF && digit_in_base(c, *base)) {
        buf[len++] = (char)c;
        c = next(s);
    }
    back(s, c);
    buf[len] = 0;
    return len;
}

static int scan_float(struct source* s, char* buf, int width)
{
    int len = 0, c = next(s);
    if (len < width && (c == '+' || c == '-')) {
        buf[len++] = (char)c;
        c = next(s);
    }
    int digits = 0;
    while (len < width && len < 62 && isdigit(c)) {
        buf[len++] = (char)c;
        c = next(s);
        ++digits;
    }
    if (len < width && c == '.') {
        buf[len++] = (char)c;
        c = next(s);
        while (len < width && len < 62 && isdigit(c)) {
            buf[len++] = (char)c;
            c = next(s);
            ++digits;
        }
    }
    if (digits && len < width && (c == 'e' || c == 'E')) {
        buf[len++] = (char)c;
        c = next(s);
        if (len < width && (c == '+' || c == '-')) {
            buf[len++] = (char)c;
            c = next(s);
        }
        while (len < width && len < 62 && isdigit(c)) {
            buf[len++] = (char)c;
            c = next(s);
        }
    }
    back(s, c);
    buf[len] = 0;
    return digits ? len : 0;
}

static void store_integer(void* p, const char* len, unsigned long long v)
{
    if (len[0] == 'h' && len[1] == 'h')
        *(char*)p = (char)v;
    else if (len[0] == 'h')
        *(short*)p = (short)v;
    else if ((len[0] == 'l' && len[1] == 'l') || len[0] == 'j' || len[0] == 'q' || len[0] == 'L')
        *(long long*)p = (long long)v;
    else if (len[0] == 'l')
        *(long*)p = (long)v;
    else
        *(int*)p = (int)v;
}

static int vscan(struct source* s, const char* fmt, va_list ap)
{
    int assigned = 0;
    int failed_input = 0;
    while (*fmt) {
        if (isspace((unsigned char)*fmt)) {
            int c;
            while ((c = next(s)) != EOF && isspace(c))
                ;
            back(s, c);
            ++fmt;
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%')
                ++fmt;
            int c = next(s);
            if (*fmt == '%') {
                while (c != EOF && isspace(c))
                    c = next(s);
            }
            if (c != (unsigned char)*fmt) {
                back(s, c);
                failed_input = c == EOF;
                break;
            }
            ++fmt;
            continue;
        }
        ++fmt;
        int suppress = 0, width = 0;
        char len[3] = { 0 };
        if (*fmt == '*') {
            suppress = 1;
            ++fmt;
        }
        while (isdigit((unsigned char)*fmt))
            width = width * 10 + (*fmt++ - '0');
        for (int i = 0; i < 2 && *fmt && strchr("hlLqjzt", *fmt); ++i)
            len[i] = *fmt++;
        if (len[0] == 'z' || len[0] == 't')
            len[0] = 0;
        char conv = *fmt++;
        if (!conv)
            break;
        if (conv == 'n') {
            if (!suppress)
                store_integer(va_arg(ap, void*), len, (unsigned long long)s->consumed);
            continue;
        }
        /* Everything but %c and %[ skips leading white space. */
        if (conv != 'c' && conv != '[') {
            int c;
            while ((c = next(s)) != EOF && isspace(c))
                ;
            if (c == EOF) {
                failed_input = 1;
                break;
            }
            back(s, c);
        }
        if (width == 0)
            width = conv == 'c' ? 1 : 0x7fffffff;

        if (strchr("diuoxXp", conv)) {
            char buf[64];
            int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
            int n = scan_integer(s, buf, width, &base);
            if (n == 0 || (n == 1 && (buf[0] == '+' || buf[0] == '-')))
                break;
            if (suppress)
                continue;
            unsigned long long v = conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(buf, NULL, base)
                                                               : strtoull(buf, NULL, base);
            if (conv == 'p')
                *va_arg(ap, void**) = (void*)(uintptr_t)v;
            else
                store_integer(va_arg(ap, void*), len, v);
            ++assigned;
        } else if (strchr("fFeEgGaA", conv)) {
            char buf[64];
            if (scan_float(s, buf, width) == 0)
                break;
            if (suppress)
                continue;
            double v = strtod(buf, NULL);
            if (len[0] == 'l')
                *va_arg(ap, double*) = v;
            else if (len[0] == 'L')
                *va_arg(ap, long double*) = v;
            else
                *va_arg(ap, float*) = (float)v;
            ++assigned;
        } else if (conv == 'c') {
            char* out = suppress ? NULL : va_arg(ap, char*);
            int i = 0, c = EOF;
            for (; i < width && (c = next(s)) != EOF; ++i)
                if (out)
                    out[i] = (char)c;
            if (i < width) {
                failed_input = i == 0;
                break;
            }
            if (out)
                ++assigned;
        } else if (conv == 's' || conv == '[') {
            unsigned char set[256];
            if (conv == '[') {
                int negate = *fmt == '^';
                if (negate)
                    ++fmt;
                memset(set, negate, sizeof(set));
                if (*fmt == ']')
                    set[(unsigned char)*fmt++] = (unsigned char)!negate;
                while (*fmt && *fmt != ']') {
                    if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
                        for (int ch = (unsigned char)fmt[0]; ch <= (unsigned char)fmt[2]; ++ch)
                            set[ch] = (unsigned char)!negate;
                        fmt += 3;
                    } else {
                        set[(unsigned char)*fmt++] = (unsigned char)!negate;
                    }
                }
                if (*fmt == ']')
                    ++fmt;
            } else {
                for (int ch = 0; ch < 256; ++ch)
                    set[ch] = !isspace(ch);
            }
            char* out = suppress ? NULL : va_arg(ap, char*);
            int i = 0, c = EOF;
            while (i < width && (c = next(s)) != EOF && set[c]) {
                if (out)
                    out[i] = (char)c;
                ++i;
            }
            if (i < width)
                back(s, c);
            if (i == 0) {
                failed_input = c == EOF;
                break;
            }
            if (out) {
                out[i] = 0;
                ++assigned;
            }
        } else {
            break;
        }
    }
    return failed_input && assigned == 0 ? EOF : assigned;
}

int vsscanf(const char* str, const char* fmt, va_list ap)
{
    const char* p = str;
    struct source s = { string_get, string_unget, &p, 0 };
    return vscan(&s, fmt, ap);
}

int vfscanf(FILE* f, const char* fmt, va_list ap)
{
    struct source s = { file_get, file_unget, f, 0 };
    return vscan(&s, fmt, ap);
}

int vscanf(const char* fmt, va_list ap) { return vfscanf(stdin, fmt, ap); }

int sscanf(const char* str, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsscanf(str, fmt, ap);
    va_end(ap);
    return n;
}

int fscanf(FILE* f, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

int scanf(const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return n;
}
