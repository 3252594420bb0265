/* getopt (POSIX, with GNU's "::" optional arguments) and getopt_long/getopt_long_only. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char* optarg;
int optind = 1, opterr = 1, optopt;
static int next_char; /* position inside a group like -abc */

static void complain(const char* argv0, const char* what, int c)
{
    if (opterr)
        fprintf(stderr, "%s: %s -- '%c'\n", argv0, what, c);
}

int getopt(int argc, char* const argv[], const char* optstring)
{
    /* optind = 0 is GNU's request for a full reset. */
    if (optind == 0) {
        optind = 1;
        next_char = 0;
    }
    optarg = NULL;
    const char* spec = optstring;
    if (*spec == '+' || *spec == '-')
        ++spec;
    int colon = *spec == ':';
    if (next_char == 0) {
        if (optind >= argc || !argv[optind] || argv[optind][0] != '-' || argv[optind][1] == 0)
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            ++optind;
            return -1;
        }
        next_char = 1;
    }
    const char* arg = argv[optind];
    int c = (unsigned char)arg[next_char++];
    const char* hit = c == ':' ? NULL : strchr(spec, c);
    if (!hit) {
        optopt = c;
        if (!arg[next_char]) {
            ++optind;
            next_char = 0;
        }
        if (!colon)
            complain(argv[0], "invalid option", c);
        return '?';
    }
    if (hit[1] == ':') {
        int optional = hit[2] == ':';
        if (arg[next_char]) {
            optarg = (char*)arg + next_char;
            ++optind;
        } else if (optional) {
            ++optind;
        } else if (optind + 1 < argc) {
            optarg = argv[optind + 1];
            optind += 2;
        } else {
            optopt = c;
            ++optind;
            next_char = 0;
            if (colon)
                return ':';
            complain(argv[0], "option requires an argument", c);
            return '?';
        }
        next_char = 0;
        return c;
    }
    if (!arg[next_char]) {
        ++optind;
        next_char = 0;
    }
    return c;
}

static int long_option(int argc, char* const argv[], const char* optstring, const struct option* longopts,
    int* longindex, const char* name)
{
    const char* eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    int found = -1, ambiguous = 0;
    for (int i = 0; longopts[i].name; ++i) {
        if (strncmp(longopts[i].name, name, len) != 0)
            continue;
        if (strlen(longopts[i].name) == len) {
            found = i;
            ambiguous = 0;
            break;
        }
        if (found >= 0)
            ambiguous = 1;
        else
            found = i;
    }
    const char* argv0 = argv[0];
    int colon = optstring[0] == ':' || ((optstring[0] == '+' || optstring[0] == '-') && optstring[1] == ':');
    ++optind;
    if (found < 0 || ambiguous) {
        optopt = 0;
        if (opterr && !colon)
            fprintf(stderr, ambiguous ? "%s: option '--%s' is ambiguous\n" : "%s: unrecognized option '--%s'\n",
                argv0, name);
        return '?';
    }
    const struct option* o = &longopts[found];
    if (longindex)
        *longindex = found;
    optarg = NULL;
    if (o->has_arg == no_argument && eq) {
        optopt = o->val;
        if (opterr && !colon)
            fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n", argv0, o->name);
        return '?';
    }
    if (eq) {
        optarg = (char*)eq + 1;
    } else if (o->has_arg == required_argument) {
        if (optind < argc) {
            optarg = argv[optind++];
        } else {
            optopt = o->val;
            if (opterr && !colon)
                fprintf(stderr, "%s: option '--%s' requires an argument\n", argv0, o->name);
            return colon ? ':' : '?';
        }
    }
    if (o->flag) {
        *o->flag = o->val;
        return 0;
    }
    return o->val;
}

static int getopt_long_common(int argc, char* const argv[], const char* optstring,
    const struct option* longopts, int* longindex, int long_only)
{
    if (optind == 0) {
        optind = 1;
        next_char = 0;
    }
    if (next_char == 0 && optind < argc && argv[optind] && argv[optind][0] == '-') {
        const char* a = argv[optind];
        if (a[1] == '-' && a[2])
            return long_option(argc, argv, optstring, longopts, longindex, a + 2);
        if (long_only && a[1] && a[1] != '-') {
            /* -name: a long option if one matches, else short options. */
            size_t len = strcspn(a + 1, "=");
            for (int i = 0; longopts[i].name; ++i)
                if (strncmp(longopts[i].name, a + 1, len) == 0)
                    return long_option(argc, argv, optstring, longopts, longindex, a + 1);
        }
    }
    return getopt(argc, argv, optstring);
}

int getopt_long(int argc, char* const argv[], const char* optstring, const struct option* longopts, int* longindex)
{
    return getopt_long_common(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char* const argv[], const char* optstring, const struct option* longopts,
    int* longindex)
{
    return getopt_long_common(argc, argv, optstring, longopts, longindex, 1);
}
