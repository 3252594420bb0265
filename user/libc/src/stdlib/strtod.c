/* strtod/atof: decimal (with exponent), hex-free; inf/nan. Close to, but not always, correctly rounded. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <strings.h>

double strtod(const char* s, char** end)
{
    const char* p = s;
    while (isspace((unsigned char)*p))
        ++p;
    int negative = 0;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    if (strncasecmp(p, "inf", 3) == 0) {
        p += strncasecmp(p, "infinity", 8) == 0 ? 8 : 3;
        if (end)
            *end = (char*)p;
        return negative ? -__builtin_inf() : __builtin_inf();
    }
    if (strncasecmp(p, "nan", 3) == 0) {
        if (end)
            *end = (char*)p + 3;
        return __builtin_nan("");
    }
    /* Collect up to 19 significant digits in an integer, count the rest as a decimal exponent. */
    unsigned long long mantissa = 0;
    int digits = 0, exponent = 0, any = 0;
    for (; isdigit((unsigned char)*p); ++p, any = 1) {
        if (digits < 19) {
            mantissa = mantissa * 10 + (*p - '0');
            if (mantissa)
                ++digits;
        } else {
            ++exponent;
        }
    }
    if (*p == '.') {
        ++p;
        for (; isdigit((unsigned char)*p); ++p, any = 1) {
            if (digits < 19) {
                mantissa = mantissa * 10 + (*p - '0');
                if (mantissa)
                    ++digits;
                --exponent;
            }
        }
    }
    if (!any) {
        if (end)
            *end = (char*)s;
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        int eneg = 0, e = 0;
        if (*q == '+' || *q == '-')
            eneg = *q++ == '-';
        if (isdigit((unsigned char)*q)) {
            for (; isdigit((unsigned char)*q); ++q)
                if (e < 10000)
                    e = e * 10 + (*q - '0');
            exponent += eneg ? -e : e;
            p = q;
        }
    }
    if (end)
        *end = (char*)p;
    long double value = (long double)mantissa;
    long double scale = 10.0L;
    int e = exponent < 0 ? -exponent : exponent;
    long double factor = 1.0L;
    for (; e; e >>= 1, scale *= scale)
        if (e & 1)
            factor *= scale;
    value = exponent < 0 ? value / factor : value * factor;
    double result = (double)value;
    if (result == __builtin_inf() || (result == 0 && mantissa != 0))
        errno = ERANGE;
    return negative ? -result : result;
}

float strtof(const char* s, char** end) { return (float)strtod(s, end); }
long double strtold(const char* s, char** end) { return strtod(s, end); }
double atof(const char* s) { return strtod(s, NULL); }
