/* printf: formats its arguments as the shell command does.
 *   printf FORMAT [ARGUMENT...]
 * Escapes \n \t \r \\ \a \b \f \v \0NNN and \NNN; conversions %s %b %c %d %i %u
 * %o %x %X %% with flags and widths; the format is reused while arguments remain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int status;

/* Prints one backslash escape starting after the backslash; returns chars used. */
static int escape(const char *s, int octal_needs_zero)
{
    switch (*s) {
    case 'n': putchar('\n'); return 1;
    case 't': putchar('\t'); return 1;
    case 'r': putchar('\r'); return 1;
    case 'a': putchar('\a'); return 1;
    case 'b': putchar('\b'); return 1;
    case 'f': putchar('\f'); return 1;
    case 'v': putchar('\v'); return 1;
    case '\\': putchar('\\'); return 1;
    case 'c': exit(status);
    case 0: putchar('\\'); return 0;
    }
    if (*s >= '0' && *s <= '7') {
        int used = 0, value = 0, max = 3;
        if (octal_needs_zero && *s == '0') {
            used = 1;
            s++;
        } else if (octal_needs_zero) {
            putchar('\\');
            return 0;
        }
        while (max-- && *s >= '0' && *s <= '7') {
            value = value * 8 + (*s++ - '0');
            used++;
        }
        putchar(value);
        return used;
    }
    putchar('\\');
    putchar(*s);
    return 1;
}

static void print_escaped(const char *s)
{
    while (*s) {
        if (*s == '\\') {
            s++;
            s += escape(s, 1);
        } else
            putchar(*s++);
    }
}

static long long number(const char *arg)
{
    if (!arg)
        return 0;
    if (arg[0] == '\'' || arg[0] == '"')
        return (unsigned char)arg[1];
    char *end;
    long long v = strtoll(arg, &end, 0);
    if (*end || end == arg) {
        fprintf(stderr, "printf: %s: invalid number\n", arg);
        status = 1;
    }
    return v;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: printf FORMAT [ARGUMENT]...\n");
        return 1;
    }
    const char *format = argv[1];
    char **arg = argv + 2, **end = argv + argc;
    do {
        char **start = arg;
        for (const char *p = format; *p;) {
            if (*p == '\\') {
                p++;
                p += escape(p, 0);
                continue;
            }
            if (*p != '%') {
                putchar(*p++);
                continue;
            }
            if (p[1] == '%') {
                putchar('%');
                p += 2;
                continue;
            }
            char spec[32];
            size_t n = 0;
            spec[n++] = *p++;
            while (*p && strchr("-+ #0123456789.", *p) && n < sizeof spec - 4)
                spec[n++] = *p++;
            char conv = *p ? *p++ : 's';
            const char *a = arg < end ? *arg++ : NULL;
            switch (conv) {
            case 's':
                spec[n++] = 's';
                spec[n] = 0;
                printf(spec, a ? a : "");
                break;
            case 'b':
                print_escaped(a ? a : "");
                break;
            case 'c':
                if (a && *a)
                    putchar(*a);
                break;
            case 'd': case 'i':
                spec[n++] = 'l';
                spec[n++] = 'l';
                spec[n++] = 'd';
                spec[n] = 0;
                printf(spec, number(a));
                break;
            case 'u': case 'o': case 'x': case 'X':
                spec[n++] = 'l';
                spec[n++] = 'l';
                spec[n++] = conv;
                spec[n] = 0;
                printf(spec, (unsigned long long)number(a));
                break;
            default:
                fprintf(stderr, "printf: %%%c: invalid directive\n", conv);
                return 1;
            }
        }
        if (arg == start)
            break; /* the format used no arguments */
    } while (arg < end);
    fflush(stdout);
    return status;
}
