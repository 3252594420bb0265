/* Checks of sscanf and fscanf. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

void test_scanf(void)
{
    int i = 0, j = 0;
    unsigned u = 0, x = 0;
    long l = 0;
    unsigned long ul = 0;
    char s[32] = "", c = 0;
    CHECK(sscanf("42 17 ff word Z -9 12345678", "%d %u %x %31s %c %ld %lu", &i, &u, &x, s, &c, &l, &ul) == 7);
    CHECK(i == 42 && u == 17 && x == 255 && strcmp(s, "word") == 0 && c == 'Z' && l == -9 && ul == 12345678);
    CHECK(sscanf("key=value", "%[^=]=%s", s, s + 16) == 2 && strcmp(s, "key") == 0 && strcmp(s + 16, "value") == 0);
    CHECK(sscanf("10:20", "%d:%d", &i, &j) == 2 && i == 10 && j == 20);
    CHECK(sscanf("abc", "%d", &i) == 0);
    CHECK(sscanf("", "%d", &i) == EOF);
    CHECK(sscanf("0x1f 077 -12", "%i %i %i", &i, &j, (int*)&u) == 3 && i == 31 && j == 63 && (int)u == -12);
    int n = 0;
    CHECK(sscanf("  hello world", "%s%n", s, &n) == 1 && n == 7);
    CHECK(sscanf("12345", "%3d%d", &i, &j) == 2 && i == 123 && j == 45);
    CHECK(sscanf("skip 5", "%*s %d", &i) == 1 && i == 5);
    double d = 0;
    float f = 0;
    CHECK(sscanf("2.5 -0.25", "%lf %f", &d, &f) == 2 && d == 2.5 && f == -0.25f);
    long long ll = 0;
    CHECK(sscanf("-9000000000", "%lld", &ll) == 1 && ll == -9000000000LL);
    CHECK(sscanf("100%", "%d%%", &i) == 1 && i == 100);
}
