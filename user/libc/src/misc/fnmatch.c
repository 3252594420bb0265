/* fnmatch: shell-style matching with *, ?, [a-z], [!x], backslash escapes and the FNM_* flags. */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

static int fold(int c, int flags) { return (flags & FNM_CASEFOLD) ? tolower(c) : c; }

/* Match a bracket expression at *pp against c; advances *pp past it. -1 if malformed. */
static int bracket(const char** pp, int c, int flags)
{
    const char* p = *pp;
    int negate = *p == '!' || *p == '^';
    if (negate)
        ++p;
    int matched = 0;
    int first = 1;
    while (*p && (first || *p != ']')) {
        first = 0;
        int lo = (unsigned char)*p;
        if (lo == '\\' && !(flags & FNM_NOESCAPE) && p[1])
            lo = (unsigned char)*++p;
        ++p;
        int hi = lo;
        if (*p == '-' && p[1] && p[1] != ']') {
            hi = (unsigned char)p[1];
            if (hi == '\\' && !(flags & FNM_NOESCAPE) && p[2]) {
                hi = (unsigned char)p[2];
                ++p;
            }
            p += 2;
        }
        if (fold(c, flags) >= fold(lo, flags) && fold(c, flags) <= fold(hi, flags))
            matched = 1;
    }
    if (*p != ']')
        return -1;
    *pp = p + 1;
    return matched != negate;
}

static int match(const char* p, const char* s, const char* start, int flags)
{
    for (;;) {
        int leading_period = (flags & FNM_PERIOD) && *s == '.'
            && (s == start || ((flags & FNM_PATHNAME) && s[-1] == '/'));
        switch (*p) {
        case 0:
            return *s == 0 || ((flags & FNM_LEADING_DIR) && *s == '/') ? 0 : FNM_NOMATCH;
        case '?':
            if (!*s || ((flags & FNM_PATHNAME) && *s == '/') || leading_period)
                return FNM_NOMATCH;
            ++p;
            ++s;
            break;
        case '*':
            while (*p == '*')
                ++p;
            if (leading_period)
                return FNM_NOMATCH;
            for (;; ++s) {
                if (match(p, s, start, flags & ~FNM_PERIOD) == 0)
                    return 0;
                if (!*s || ((flags & FNM_PATHNAME) && *s == '/'))
                    return FNM_NOMATCH;
            }
        case '[': {
            if (!*s || ((flags & FNM_PATHNAME) && *s == '/') || leading_period)
                return FNM_NOMATCH;
            const char* q = p + 1;
            int r = bracket(&q, (unsigned char)*s, flags);
            if (r < 0) { /* no closing bracket: a literal '[' */
                if (*s != '[')
                    return FNM_NOMATCH;
                ++p;
                ++s;
                break;
            }
            if (!r)
                return FNM_NOMATCH;
            p = q;
            ++s;
            break;
        }
        case '\\':
            if (!(flags & FNM_NOESCAPE) && p[1])
                ++p;
            /* fall through */
        default:
            if (fold((unsigned char)*p, flags) != fold((unsigned char)*s, flags))
                return FNM_NOMATCH;
            ++p;
            ++s;
            break;
        }
    }
}

int fnmatch(const char* pattern, const char* string, int flags) { return match(pattern, string, string, flags); }
