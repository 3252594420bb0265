/* Checks of the printf family against glibc's output for the same formats. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* Truncation and NULL strings below are what is being tested. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat"

#define FMT(want, ...)                                   \
    do {                                                 \
        char out_[256];                                  \
        snprintf(out_, sizeof(out_), __VA_ARGS__);       \
        check_str(out_, want, #__VA_ARGS__, __FILE__, __LINE__); \
    } while (0)

void test_printf(void)
{
    FMT("42|   42|42   |00042|+42| 42", "%d|%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42, 42);
    FMT("-7|-0007|   -7", "%d|%05d|%5d", -7, -7, -7);
    FMT("ff|FF|0xff|0XFF|17|0", "%x|%X|%#x|%#X|%o|%x", 255, 255, 255, 255, 15, 0);
    FMT("4294967295|2147483647|-2147483648", "%u|%d|%d", 4294967295u, 2147483647, (int)-2147483648LL);
    FMT("1234567890123|-1|18446744073709551615", "%lld|%lld|%llu", 1234567890123LL, -1LL, 18446744073709551615ULL);
    FMT("123456|-5|100", "%ld|%li|%lu", 123456L, -5L, 100UL);
    FMT("12|-1|255", "%hd|%hhd|%hhu", (short)12, (signed char)-1, 255);
    FMT("7|8|9", "%zu|%zd|%jd", (size_t)7, (ssize_t)8, (intmax_t)9);
    FMT("0012|  0012", "%.4d|%6.4d", 12, 12);
    FMT("hello|hel|     hello|hello     ", "%s|%.3s|%10s|%-10s", "hello", "hello", "hello", "hello");
    FMT("(null)", "%s", (char*)NULL);
    FMT("x|  y|z  |%", "%c|%3c|%-3c|%%", 'x', 'y', 'z');
    FMT("   42", "%*d", 5, 42);
    FMT("42   ", "%*d", -5, 42);
    FMT("abc", "%.*s", 3, "abcdef");
    FMT("0x1234", "%p", (void*)0x1234);
    FMT("(nil)", "%p", (void*)0);
    FMT("64-bit: 1099511627776", "64-bit: %" PRId64, (int64_t)1 << 40);
    FMT("3.14|1.500000|-2.50|0.000|100", "%.2f|%f|%.2f|%.3f|%.0f", 3.14159, 1.5, -2.5, 0.0, 100.0);
    FMT("1.234568e+04|1.0E-03", "%e|%.1E", 12345.678, 0.001);
    FMT("0.0001|1e-05|1.23457e+08|100|0.5", "%g|%g|%g|%g|%g", 0.0001, 0.00001, 123456789.0, 100.0, 0.5);
    FMT("  3.1|3.1  |003.1|+3.1", "%5.1f|%-5.1f|%05.1f|%+.1f", 3.14, 3.14, 3.14, 3.14);
    FMT("1000000.000000|0.001", "%f|%.3f", 1e6, 0.0005001);
    FMT("inf|-inf|nan|-nan", "%f|%f|%f|%f", 1.0 / 0.0, -1.0 / 0.0, __builtin_nan(""), -__builtin_nan(""));
    FMT("99.99|100.0", "%.2f|%.1f", 99.99, 99.99);

    errno = ENOENT;
    FMT("No such file or directory", "%m");
    int n = -1;
    char buf[16];
    snprintf(buf, sizeof(buf), "abc%ndef", &n);
    CHECK(n == 3);

    /* Truncation: the return value is the full length, the buffer is terminated. */
    CHECK(snprintf(buf, 5, "%s", "truncated") == 9);
    CHECK_STR(buf, "trun");
    CHECK(snprintf(NULL, 0, "%d", 12345) == 5);
    CHECK(sprintf(buf, "%s-%d", "a", 1) == 3);
    CHECK_STR(buf, "a-1");

    char* dyn = NULL;
    CHECK(asprintf(&dyn, "%s %d", "dynamic", 99) == 10);
    CHECK_STR(dyn, "dynamic 99");
    free(dyn);

    /* A field wider than the formatter's stack buffer. */
    char wide[300];
    snprintf(wide, sizeof(wide), "%200d", 1);
    CHECK(strlen(wide) == 200 && wide[199] == '1' && wide[0] == ' ');
}
