/* echo - print the arguments (-n: no newline, -e: interpret backslash escapes, -E: don't). */
#include <stdio.h>
#include <string.h>

/* Prints s with escapes decoded; returns 0 if \c asked to stop all output. */
static int put_escaped(const char *s)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            putchar(*s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': putchar('\n'); break;
        case 't': putchar('\t'); break;
        case 'r': putchar('\r'); break;
        case 'a': putchar('\a'); break;
        case 'b': putchar('\b'); break;
        case 'f': putchar('\f'); break;
        case 'v': putchar('\v'); break;
        case 'e': putchar(033); break;
        case '\\': putchar('\\'); break;
        case 'c': return 0;
        case '0': {
            int v = 0;
            for (int i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
                v = v * 8 + (*++s - '0');
            putchar(v);
            break;
        }
        case 'x': {
            int v = 0, i;
            for (i = 0; i < 2; i++) {
                char h = s[1];
                int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (d < 0)
                    break;
                v = v * 16 + d;
                s++;
            }
            if (i)
                putchar(v);
            else
                fputs("\\x", stdout);
            break;
        }
        default: putchar('\\'); putchar(*s); break;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;
    /* options only as long as they consist of n, e, E letters, like GNU echo */
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strspn(argv[i] + 1, "neE") != strlen(argv[i] + 1))
            break;
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n') newline = 0;
            else if (*p == 'e') escapes = 1;
            else escapes = 0;
        }
    }
    for (; i < argc; i++) {
        if (escapes) {
            if (!put_escaped(argv[i]))
                return 0;
        } else {
            fputs(argv[i], stdout);
        }
        if (i + 1 < argc)
            putchar(' ');
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) ? 1 : 0;
}
