/* The "C" locale only: setlocale and localeconv, plus the trivial single-byte multibyte functions. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

char* setlocale(int category, const char* locale)
{
    (void)category;
    if (!locale || !*locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0)
        return "C";
    return NULL;
}

struct lconv* localeconv(void)
{
    static struct lconv c = { ".", "", "", "", "", "", "", "", "", "", 127, 127, 127, 127, 127, 127, 127, 127 };
    return &c;
}

int mblen(const char* s, size_t n) { return s && n && *s ? 1 : 0; }

int mbtowc(wchar_t* pwc, const char* s, size_t n)
{
    if (!s)
        return 0;
    if (!n)
        return -1;
    if (pwc)
        *pwc = (unsigned char)*s;
    return *s ? 1 : 0;
}

int wctomb(char* s, wchar_t wc)
{
    if (!s)
        return 0;
    *s = (char)wc;
    return 1;
}
