/* Checks of <stdlib.h>: conversions, malloc, environment, qsort/bsearch, rand, realpath. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static int compare_ints(const void* a, const void* b)
{
    int x = *(const int*)a, y = *(const int*)b;
    return (x > y) - (x < y);
}

static void test_conversions(void)
{
    char* end;
    CHECK(atoi("  42abc") == 42 && atoi("-17") == -17 && atol("123456") == 123456);
    CHECK(strtol("0x1F", &end, 0) == 31 && *end == 0);
    CHECK(strtol("0755", NULL, 0) == 0755);
    CHECK(strtol("-99z", &end, 10) == -99 && *end == 'z');
    CHECK(strtol("zz", &end, 36) == 35 * 36 + 35);
    CHECK(strtoul("4294967295", NULL, 10) == 4294967295UL);
    errno = 0;
    CHECK(strtol("99999999999", NULL, 10) == LONG_MAX && errno == ERANGE);
    errno = 0;
    CHECK(strtol("-99999999999", NULL, 10) == LONG_MIN && errno == ERANGE);
    errno = 0;
    CHECK(strtoll("9223372036854775807", NULL, 10) == LLONG_MAX && errno == 0);
    CHECK(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN && errno == 0);
    CHECK(strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX);
    CHECK(strtol("abc", &end, 10) == 0 && strcmp(end, "abc") == 0);
    CHECK(strtod("3.25", &end) == 3.25 && *end == 0);
    CHECK(strtod("-1.5e3", NULL) == -1500.0);
    CHECK(atof("0.125") == 0.125);
    CHECK(abs(-5) == 5 && labs(-7L) == 7 && llabs(-9LL) == 9);
    div_t d = div(17, 5);
    CHECK(d.quot == 3 && d.rem == 2);
}

static void test_malloc(void)
{
    char* blocks[100];
    int ok = 1;
    for (int i = 0; i < 100; ++i) {
        blocks[i] = malloc((size_t)(i * 37 + 1));
        if (!blocks[i] || ((uintptr_t)blocks[i] & 15))
            ok = 0;
        else
            memset(blocks[i], i, (size_t)(i * 37 + 1));
    }
    CHECK(ok);
    for (int i = 0; i < 100; i += 2)
        free(blocks[i]);
    for (int i = 1; i < 100; i += 2)
        for (int j = 0; j < i * 37 + 1; ++j)
            if (blocks[i][j] != (char)i)
                ok = 0;
    CHECK(ok); /* freeing neighbours must not disturb live blocks */
    for (int i = 1; i < 100; i += 2)
        free(blocks[i]);

    char* p = malloc(10);
    strcpy(p, "realloc");
    p = realloc(p, 100000);
    CHECK(p && strcmp(p, "realloc") == 0);
    p = realloc(p, 5);
    CHECK(p && memcmp(p, "reall", 5) == 0);
    free(p);

    int* zeros = calloc(1000, sizeof(int));
    int all_zero = zeros != NULL;
    for (int i = 0; zeros && i < 1000; ++i)
        all_zero &= zeros[i] == 0;
    CHECK(all_zero);
    free(zeros);

    char* big = malloc(4 << 20); /* from mmap */
    CHECK(big != NULL);
    if (big) {
        big[0] = 1;
        big[(4 << 20) - 1] = 2;
        CHECK(big[0] + big[(4 << 20) - 1] == 3);
        free(big);
    }
    void* aligned = NULL;
    CHECK(posix_memalign(&aligned, 4096, 100) == 0 && ((uintptr_t)aligned & 4095) == 0);
    free(aligned);
    CHECK(((uintptr_t)aligned_alloc(64, 64) & 63) == 0);
    errno = 0;
    volatile size_t huge = SIZE_MAX - 10;
    CHECK(malloc(huge) == NULL && errno == ENOMEM);

    /* Many small allocations and frees in a pattern: the heap must be reused, not grow forever. */
    void* first = malloc(64);
    free(first);
    for (int round = 0; round < 1000; ++round)
        free(malloc(64));
    void* again = malloc(64);
    CHECK(again == first);
    free(again);
}

static void test_env(void)
{
    CHECK(setenv("LIBC_TEST_A", "one", 1) == 0);
    CHECK_STR(getenv("LIBC_TEST_A"), "one");
    CHECK(setenv("LIBC_TEST_A", "two", 0) == 0);
    CHECK_STR(getenv("LIBC_TEST_A"), "one");
    CHECK(setenv("LIBC_TEST_A", "three", 1) == 0);
    CHECK_STR(getenv("LIBC_TEST_A"), "three");
    static char put[] = "LIBC_TEST_B=bee";
    CHECK(putenv(put) == 0);
    CHECK_STR(getenv("LIBC_TEST_B"), "bee");
    CHECK(unsetenv("LIBC_TEST_A") == 0 && getenv("LIBC_TEST_A") == NULL);
    CHECK(getenv("LIBC_TEST_B") != NULL);
    CHECK(setenv("BAD=NAME", "x", 1) == -1 && errno == EINVAL);
    for (int i = 0; i < 50; ++i) {
        char name[32];
        snprintf(name, sizeof(name), "LIBC_TEST_MANY_%d", i);
        setenv(name, "v", 1);
    }
    CHECK_STR(getenv("LIBC_TEST_MANY_49"), "v");
    CHECK_STR(getenv("LIBC_TEST_B"), "bee");
}

static void test_sort(void)
{
    int values[200];
    srand(12345);
    for (int i = 0; i < 200; ++i)
        values[i] = rand() % 1000 - 500;
    qsort(values, 200, sizeof(int), compare_ints);
    int sorted = 1;
    for (int i = 1; i < 200; ++i)
        sorted &= values[i - 1] <= values[i];
    CHECK(sorted);
    int small[] = { 5, 3, 9, 1 };
    qsort(small, 4, sizeof(int), compare_ints);
    CHECK(small[0] == 1 && small[1] == 3 && small[2] == 5 && small[3] == 9);
    int key = 9;
    CHECK(bsearch(&key, small, 4, sizeof(int), compare_ints) == &small[3]);
    key = 4;
    CHECK(bsearch(&key, small, 4, sizeof(int), compare_ints) == NULL);
    srand(7);
    int a = rand();
    srand(7);
    CHECK(rand() == a && a >= 0 && a <= RAND_MAX);
}

void test_stdlib(void)
{
    test_conversions();
    test_malloc();
    test_env();
    test_sort();
}
