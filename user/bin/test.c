/* test, [ - evaluate expressions: -e -f -d -r -w -x -s -L -c -b -p -z -n, = != -eq -ne -lt -gt -le -ge, !, -a, -o, ( ). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

static char **args;
static int nargs, pos;

static __attribute__((noreturn)) void syntax_error(const char *msg)
{
    warn_msg("%s", msg);
    exit(2);
}

static long number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end)
        syntax_error("integer expression expected");
    return v;
}

static int unary(const char *op, const char *arg)
{
    struct stat st;
    switch (op[1]) {
    case 'z': return arg[0] == '\0';
    case 'n': return arg[0] != '\0';
    case 'L': case 'h': return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
    case 'r': return access(arg, R_OK) == 0;
    case 'w': return access(arg, W_OK) == 0;
    case 'x': return access(arg, X_OK) == 0;
    }
    if (stat(arg, &st) < 0)
        return 0;
    switch (op[1]) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 's': return st.st_size > 0;
    }
    return 0;
}

static int is_unary(const char *s)
{
    return s[0] == '-' && s[1] && !s[2] && strchr("znLhrwxefdcbpSs", s[1]);
}

static int binary(const char *a, const char *op, const char *b, int *result)
{
    if (!strcmp(op, "=") || !strcmp(op, "==")) *result = !strcmp(a, b);
    else if (!strcmp(op, "!=")) *result = strcmp(a, b) != 0;
    else if (!strcmp(op, "-eq")) *result = number(a) == number(b);
    else if (!strcmp(op, "-ne")) *result = number(a) != number(b);
    else if (!strcmp(op, "-lt")) *result = number(a) < number(b);
    else if (!strcmp(op, "-gt")) *result = number(a) > number(b);
    else if (!strcmp(op, "-le")) *result = number(a) <= number(b);
    else if (!strcmp(op, "-ge")) *result = number(a) >= number(b);
    else return 0;
    return 1;
}

static int expr_or(void);

static int primary(void)
{
    if (pos >= nargs)
        syntax_error("argument expected");
    const char *a = args[pos];
    if (!strcmp(a, "!")) {
        pos++;
        return !primary();
    }
    if (!strcmp(a, "(") ) {
        pos++;
        int r = expr_or();
        if (pos >= nargs || strcmp(args[pos], ")"))
            syntax_error("')' expected");
        pos++;
        return r;
    }
    int r;
    if (pos + 2 < nargs && binary(a, args[pos + 1], args[pos + 2], &r)) {
        pos += 3;
        return r;
    }
    if (is_unary(a) && pos + 1 < nargs) {
        pos += 2;
        return unary(a, args[pos - 1]);
    }
    pos++;
    return a[0] != '\0'; /* a lone string: true if not empty */
}

static int expr_and(void)
{
    int r = primary();
    while (pos < nargs && !strcmp(args[pos], "-a")) {
        pos++;
        r = primary() && r;
    }
    return r;
}

static int expr_or(void)
{
    int r = expr_and();
    while (pos < nargs && !strcmp(args[pos], "-o")) {
        pos++;
        r = expr_and() || r;
    }
    return r;
}

int main(int argc, char **argv)
{
    prog_init(argv);
    args = argv + 1;
    nargs = argc - 1;
    if (!strcmp(prog, "[")) {
        if (nargs == 0 || strcmp(args[nargs - 1], "]"))
            syntax_error("missing ']'");
        nargs--;
    }
    if (nargs == 0)
        return 1;
    int r = expr_or();
    if (pos != nargs)
        syntax_error("too many arguments");
    return !r;
}
