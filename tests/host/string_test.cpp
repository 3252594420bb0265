// Host tests of libk/string.h and libk/ctype.h, mostly compared against the host libc.
#include <gtest/gtest.h>
#include <libk/ctype.h>
#include <libk/string.h>

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

namespace {

int sign(int x) { return (x > 0) - (x < 0); }

const char* const g_samples[] = {
    "", "a", "abc", "abd", "ab", "ABC", "Abc", "hello world", "hello", "\xff", "\x80z", "zzz",
    "the quick brown fox", "fox", "o", " \t\n", "a,b,,c", "0123456789",
};

TEST(String, MemcpyAllAlignmentsAndLengths)
{
    unsigned char src[96];
    for (int i = 0; i < 96; ++i)
        src[i] = static_cast<unsigned char>(i * 7 + 1);
    for (size_t src_off = 0; src_off < 8; ++src_off) {
        for (size_t dst_off = 0; dst_off < 8; ++dst_off) {
            for (size_t n = 0; n < 70; ++n) {
                unsigned char dst[96];
                unsigned char expected[96];
                ::memset(dst, 0xee, sizeof(dst));
                ::memset(expected, 0xee, sizeof(expected));
                ::memcpy(expected + dst_off, src + src_off, n);
                EXPECT_EQ(libk::memcpy(dst + dst_off, src + src_off, n), dst + dst_off);
                ASSERT_EQ(::memcmp(dst, expected, sizeof(dst)), 0) << src_off << " " << dst_off << " " << n;
            }
        }
    }
}

TEST(String, MemmoveOverlapBothDirections)
{
    for (size_t from = 0; from < 16; ++from) {
        for (size_t to = 0; to < 16; ++to) {
            for (size_t n = 0; n + (from > to ? from : to) <= 32; ++n) {
                char mine[32], theirs[32];
                for (int i = 0; i < 32; ++i)
                    mine[i] = theirs[i] = static_cast<char>('A' + i);
                ::memmove(theirs + to, theirs + from, n);
                EXPECT_EQ(libk::memmove(mine + to, mine + from, n), mine + to);
                ASSERT_EQ(::memcmp(mine, theirs, 32), 0) << from << " " << to << " " << n;
            }
        }
    }
}

TEST(String, MemsetFillsExactRange)
{
    for (size_t off = 0; off < 8; ++off) {
        for (size_t n = 0; n < 40; ++n) {
            unsigned char buf[64];
            ::memset(buf, 1, sizeof(buf));
            EXPECT_EQ(libk::memset(buf + off, 0x1ab, n), buf + off); // only the low byte counts
            for (size_t i = 0; i < sizeof(buf); ++i)
                ASSERT_EQ(buf[i], (i >= off && i < off + n) ? 0xab : 1) << off << " " << n << " " << i;
        }
    }
}

TEST(String, MemcmpAndMemchr)
{
    for (const char* a : g_samples) {
        for (const char* b : g_samples) {
            size_t n = ::strlen(a) < ::strlen(b) ? ::strlen(a) : ::strlen(b);
            EXPECT_EQ(sign(libk::memcmp(a, b, n + 1)), sign(::memcmp(a, b, n + 1))) << a << " " << b;
        }
        for (int c : { int { 'a' }, int { 'o' }, int { 'z' }, 0, 0xff, 0x180 }) {
            size_t len = ::strlen(a) + 1;
            EXPECT_EQ(libk::memchr(a, c, len), ::memchr(a, c, len)) << a << " " << c;
        }
    }
    EXPECT_EQ(libk::memcmp("abc", "abd", 0), 0);
    EXPECT_EQ(libk::memchr("abc", 'c', 2), nullptr);
}

TEST(String, LengthsAndComparisonsMatchLibc)
{
    for (const char* a : g_samples) {
        EXPECT_EQ(libk::strlen(a), ::strlen(a));
        for (size_t max = 0; max < 8; ++max)
            EXPECT_EQ(libk::strnlen(a, max), ::strnlen(a, max));
        for (const char* b : g_samples) {
            EXPECT_EQ(sign(libk::strcmp(a, b)), sign(::strcmp(a, b))) << a << " vs " << b;
            EXPECT_EQ(sign(libk::strcasecmp(a, b)), sign(::strcasecmp(a, b))) << a << " vs " << b;
            for (size_t n = 0; n < 5; ++n) {
                EXPECT_EQ(sign(libk::strncmp(a, b, n)), sign(::strncmp(a, b, n)));
                EXPECT_EQ(sign(libk::strncasecmp(a, b, n)), sign(::strncasecmp(a, b, n)));
            }
        }
    }
    EXPECT_EQ(libk::strcasecmp("HeLLo", "hello"), 0);
    EXPECT_LT(libk::strcmp("a", "\x80"), 0); // unsigned char comparison
}

TEST(String, SearchFunctionsMatchLibc)
{
    for (const char* s : g_samples) {
        for (int c : "aob,Z") {
            EXPECT_EQ(libk::strchr(s, c), ::strchr(s, c)) << s << " " << c;
            EXPECT_EQ(libk::strrchr(s, c), ::strrchr(s, c)) << s << " " << c;
        }
        for (const char* set : g_samples) {
            EXPECT_EQ(libk::strstr(s, set), ::strstr(s, set)) << s << " / " << set;
            EXPECT_EQ(libk::strspn(s, set), ::strspn(s, set)) << s << " / " << set;
            EXPECT_EQ(libk::strcspn(s, set), ::strcspn(s, set)) << s << " / " << set;
            EXPECT_EQ(libk::strpbrk(s, set), ::strpbrk(s, set)) << s << " / " << set;
        }
    }
    const char* text = "aaab";
    EXPECT_EQ(libk::strstr(text, "aab"), text + 1);
}

TEST(String, CopyAndConcatenate)
{
    char buf[32];
    EXPECT_EQ(libk::strcpy(buf, "hello"), buf);
    EXPECT_STREQ(buf, "hello");
    EXPECT_EQ(libk::strcat(buf, " world"), buf);
    EXPECT_STREQ(buf, "hello world");
    EXPECT_EQ(libk::strncat(buf, "!!!", 2), buf);
    EXPECT_STREQ(buf, "hello world!!");

    // strncpy pads with NULs and does not terminate a truncated copy.
    char mine[8], theirs[8];
    for (const char* s : { "", "ab", "abcdefgh", "abcdefghijk" }) {
        for (size_t n = 0; n <= 8; ++n) {
            ::memset(mine, 'x', 8);
            ::memset(theirs, 'x', 8);
            libk::strncpy(mine, s, n);
            ::strncpy(theirs, s, n);
            EXPECT_EQ(::memcmp(mine, theirs, 8), 0) << s << " " << n;
        }
    }
}

TEST(String, Strlcpy)
{
    char buf[6];
    EXPECT_EQ(libk::strlcpy(buf, "hello world", sizeof(buf)), 11u);
    EXPECT_STREQ(buf, "hello");
    EXPECT_EQ(libk::strlcpy(buf, "hi", sizeof(buf)), 2u);
    EXPECT_STREQ(buf, "hi");
    buf[0] = 'Q';
    EXPECT_EQ(libk::strlcpy(buf, "abc", 0), 3u);
    EXPECT_EQ(buf[0], 'Q');
}

TEST(String, Strlcat)
{
    char buf[8] = "abc";
    EXPECT_EQ(libk::strlcat(buf, "de", sizeof(buf)), 5u);
    EXPECT_STREQ(buf, "abcde");
    EXPECT_EQ(libk::strlcat(buf, "fghij", sizeof(buf)), 10u);
    EXPECT_STREQ(buf, "abcdefg");
    // dest not terminated within size: size + strlen(src), nothing written.
    char full[4] = { 'w', 'x', 'y', 'z' };
    EXPECT_EQ(libk::strlcat(full, "ab", sizeof(full)), 6u);
    EXPECT_EQ(full[3], 'z');
}

TEST(String, Strsep)
{
    char text[] = "a,b,,c";
    char* cursor = text;
    EXPECT_STREQ(libk::strsep(&cursor, ","), "a");
    EXPECT_STREQ(libk::strsep(&cursor, ","), "b");
    EXPECT_STREQ(libk::strsep(&cursor, ","), "");
    EXPECT_STREQ(libk::strsep(&cursor, ","), "c");
    EXPECT_EQ(cursor, nullptr);
    EXPECT_EQ(libk::strsep(&cursor, ","), nullptr);

    char multi[] = "x y\tz";
    cursor = multi;
    EXPECT_STREQ(libk::strsep(&cursor, " \t"), "x");
    EXPECT_STREQ(libk::strsep(&cursor, " \t"), "y");
    EXPECT_STREQ(cursor, "z");
}

const char* const g_numbers[] = {
    "0", "1", "-1", "+42", "   \t\n 17xyz", "0x1f", "0X1F", "0x", "0xg", "-0x10", "010", "08", "09", "0",
    "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "18446744073709551615", "18446744073709551616", "-18446744073709551615", "99999999999999999999999",
    "", "   ", "-", "+", "abc", "zz", "Zz", "777", "1010", "  -  5", "123456789abcdef",
};

TEST(String, StrtoulFamilyMatchesLibc)
{
    for (const char* s : g_numbers) {
        for (int base : { 0, 2, 8, 10, 16, 36 }) {
            char* mine_end = nullptr;
            char* libc_end = nullptr;
            EXPECT_EQ(libk::strtoul(s, &mine_end, base), ::strtoul(s, &libc_end, base)) << '"' << s << "\" base " << base;
            EXPECT_EQ(mine_end, libc_end) << '"' << s << "\" base " << base;
            EXPECT_EQ(libk::strtol(s, &mine_end, base), ::strtol(s, &libc_end, base)) << '"' << s << "\" base " << base;
            EXPECT_EQ(mine_end, libc_end);
            EXPECT_EQ(libk::strtoull(s, &mine_end, base), ::strtoull(s, &libc_end, base)) << '"' << s << "\" base " << base;
            EXPECT_EQ(mine_end, libc_end);
            EXPECT_EQ(libk::strtoll(s, &mine_end, base), ::strtoll(s, &libc_end, base)) << '"' << s << "\" base " << base;
            EXPECT_EQ(mine_end, libc_end);
        }
    }
}

TEST(String, StrtoulExplicitValues)
{
    char* end = nullptr;
    const char* s = "  0x1000 rest";
    EXPECT_EQ(libk::strtoul(s, &end, 0), 0x1000ul);
    EXPECT_EQ(end, s + 8);
    EXPECT_EQ(libk::strtoul("0755", nullptr, 0), 0755ul);
    EXPECT_EQ(libk::strtoll("-9223372036854775808", nullptr, 10), LLONG_MIN);
    EXPECT_EQ(libk::strtoll("9223372036854775808", nullptr, 10), LLONG_MAX);
    EXPECT_EQ(libk::strtoull("18446744073709551616", nullptr, 10), ULLONG_MAX);
    EXPECT_EQ(libk::strtol("ff", nullptr, 16), 255);
    // No digits: end is the start of the input, not after the whitespace.
    const char* none = "  xyz";
    EXPECT_EQ(libk::strtol(none, &end, 10), 0);
    EXPECT_EQ(end, none);
}

TEST(Ctype, MatchesLibcForAllBytes)
{
    for (int c = -1; c < 256; ++c) {
        bool ascii = c >= 0 && c < 128;
        // Outside ASCII the host locale may differ; we define those as in no class.
        if (!ascii) {
            EXPECT_FALSE(libk::isalpha(c));
            continue;
        }
        EXPECT_EQ(libk::isdigit(c), !!::isdigit(c)) << c;
        EXPECT_EQ(libk::isxdigit(c), !!::isxdigit(c)) << c;
        EXPECT_EQ(libk::isspace(c), !!::isspace(c)) << c;
        EXPECT_EQ(libk::isalpha(c), !!::isalpha(c)) << c;
        EXPECT_EQ(libk::isalnum(c), !!::isalnum(c)) << c;
        EXPECT_EQ(libk::isupper(c), !!::isupper(c)) << c;
        EXPECT_EQ(libk::islower(c), !!::islower(c)) << c;
        EXPECT_EQ(libk::isprint(c), !!::isprint(c)) << c;
        EXPECT_EQ(libk::tolower(c), ::tolower(c)) << c;
        EXPECT_EQ(libk::toupper(c), ::toupper(c)) << c;
    }
}

} // namespace
