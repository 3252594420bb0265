/* grep - print lines matching a basic pattern (. * ^ $ [] \): -i -v -c -n -l -q -h -H -F. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static int opt_i, opt_v, opt_c, opt_n, opt_l, opt_q, opt_fixed, show_names;

/* Length of the atom at re: one character, '.', "\c" or a "[...]" class. */
static int atom_len(const char *re)
{
    if (re[0] == '\\' && re[1])
        return 2;
    if (re[0] == '[') {
        const char *p = re + 1;
        if (*p == '^')
            p++;
        if (*p == ']')
            p++;
        while (*p && *p != ']')
            p++;
        if (*p == ']')
            return p - re + 1;
    }
    return 1;
}

static int fold(int c)
{
    return opt_i ? tolower((unsigned char)c) : (unsigned char)c;
}

static int atom_matches(const char *re, int len, char c)
{
    if (len == 2 && re[0] == '\\')
        return fold(re[1]) == fold(c);
    if (len > 2 && re[0] == '[') {
        const char *p = re + 1, *end = re + len - 1;
        int neg = 0, hit = 0;
        if (*p == '^') {
            neg = 1;
            p++;
        }
        for (const char *first = p; p < end; p++) {
            if (p + 2 < end && p[1] == '-' && !(p == first && 0)) {
                if (fold(c) >= fold(p[0]) && fold(c) <= fold(p[2]))
                    hit = 1;
                p += 2;
            } else if (fold(*p) == fold(c)) {
                hit = 1;
            }
        }
        return hit != neg;
    }
    return re[0] == '.' || fold(re[0]) == fold(c);
}

static int match_here(const char *re, const char *text);

static int match_star(const char *atom, int len, const char *re, const char *text)
{
    do {
        if (match_here(re, text))
            return 1;
    } while (*text && atom_matches(atom, len, *text++));
    return 0;
}

static int match_here(const char *re, const char *text)
{
    if (re[0] == '\0')
        return 1;
    if (re[0] == '$' && re[1] == '\0')
        return *text == '\0';
    int len = atom_len(re);
    if (re[len] == '*')
        return match_star(re, len, re + len + 1, text);
    if (*text && atom_matches(re, len, *text))
        return match_here(re + len, text + 1);
    return 0;
}

static int matches(const char *re, const char *text)
{
    if (opt_fixed) {
        size_t n = strlen(re);
        for (; *text; text++) {
            size_t i = 0;
            while (i < n && text[i] && fold(text[i]) == fold(re[i]))
                i++;
            if (i == n)
                return 1;
        }
        return n == 0;
    }
    if (re[0] == '^')
        return match_here(re + 1, text);
    do {
        if (match_here(re, text))
            return 1;
    } while (*text++);
    return 0;
}

/* Returns the number of selected lines. */
static long grep_file(const char *pattern, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long count = 0, lineno = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        int had_nl = line[len - 1] == '\n';
        if (had_nl)
            line[len - 1] = '\0';
        if (matches(pattern, line) == opt_v)
            continue;
        count++;
        if (opt_q)
            break;
        if (opt_l) {
            printf("%s\n", name);
            break;
        }
        if (opt_c)
            continue;
        if (show_names)
            printf("%s:", name);
        if (opt_n)
            printf("%ld:", lineno);
        printf("%s\n", line);
    }
    free(line);
    if (opt_c && !opt_q) {
        if (show_names)
            printf("%s:", name);
        printf("%ld\n", count);
    }
    return count;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, names = -1;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "ivcnlqhHFGe:s")) != -1) {
        switch (c) {
        case 'i': opt_i = 1; break;
        case 'v': opt_v = 1; break;
        case 'c': opt_c = 1; break;
        case 'n': opt_n = 1; break;
        case 'l': opt_l = 1; break;
        case 'q': opt_q = 1; break;
        case 'h': names = 0; break;
        case 'H': names = 1; break;
        case 'F': opt_fixed = 1; break;
        case 'G': case 's': break;
        case 'e': o.ind--; o.argv[o.ind] = o.arg; goto done;
        default: usage_exit("[-ivcnlqhHF] PATTERN [FILE]...");
        }
    }
done:
    if (o.ind >= argc)
        usage_exit("[-ivcnlqhHF] PATTERN [FILE]...");
    const char *pattern = argv[o.ind++];
    int nfiles = argc - o.ind;
    show_names = names >= 0 ? names : nfiles > 1;
    long total = 0;
    int errors = 0;
    if (nfiles == 0) {
        total = grep_file(pattern, stdin, "(standard input)");
    } else {
        for (int i = o.ind; i < argc; i++) {
            FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
            if (!f) {
                if (!opt_q)
                    warn_errno(argv[i]);
                errors = 1;
                continue;
            }
            total += grep_file(pattern, f, strcmp(argv[i], "-") ? argv[i] : "(standard input)");
            if (f != stdin)
                fclose(f);
            if (opt_q && total)
                break;
        }
    }
    fflush(stdout);
    if (opt_q && total)
        return 0;
    return errors ? 2 : total ? 0 : 1;
}
