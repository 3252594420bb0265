// Host tests of libk/format.h: every conversion, flag and modifier, checked against
// fixed strings and, where C defines the result, against the host's snprintf.
#include <gtest/gtest.h>
#include <libk/format.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <string>

namespace {

// The tests pass deliberately odd formats (unknown conversions, %pS) through helpers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-security"
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

// Formats with libk into a roomy buffer and checks the return value matches the text.
template<typename... Args>
std::string format(const char* fmt, Args... args)
{
    char buf[256];
    int n = libk::snprintf(buf, sizeof(buf), fmt, args...);
    EXPECT_EQ(n, static_cast<int>(strlen(buf))) << fmt;
    return buf;
}

// The same format through libk and the host libc must agree exactly.
template<typename... Args>
void expect_like_libc(const char* fmt, Args... args)
{
    char mine[256];
    char theirs[256];
    int my_length = libk::snprintf(mine, sizeof(mine), fmt, args...);
    int their_length = ::snprintf(theirs, sizeof(theirs), fmt, args...);
    EXPECT_STREQ(mine, theirs) << "format \"" << fmt << '"';
    EXPECT_EQ(my_length, their_length) << "format \"" << fmt << '"';
}

TEST(Format, PlainTextAndPercent)
{
    EXPECT_EQ(format("hello"), "hello");
    EXPECT_EQ(format("100%%"), "100%");
    EXPECT_EQ(format("%%d"), "%d");
    EXPECT_EQ(format(""), "");
}

TEST(Format, SignedConversions)
{
    EXPECT_EQ(format("%d", 0), "0");
    EXPECT_EQ(format("%d", 42), "42");
    EXPECT_EQ(format("%i", -42), "-42");
    EXPECT_EQ(format("%d", INT_MIN), "-2147483648");
    EXPECT_EQ(format("%d", INT_MAX), "2147483647");
    EXPECT_EQ(format("%lld", LLONG_MIN), "-9223372036854775808");
    EXPECT_EQ(format("%lld", LLONG_MAX), "9223372036854775807");
    EXPECT_EQ(format("%ld", -123456789L), "-123456789");
    EXPECT_EQ(format("%Ld", LLONG_MIN), "-9223372036854775808");   // Linux's spellings of ll
    EXPECT_EQ(format("%qd %Lu", 5LL, ULLONG_MAX), "5 18446744073709551615");
}

TEST(Format, UnsignedConversions)
{
    EXPECT_EQ(format("%u", 4294967295u), "4294967295");
    EXPECT_EQ(format("%x", 0xdeadbeefu), "deadbeef");
    EXPECT_EQ(format("%X", 0xdeadbeefu), "DEADBEEF");
    EXPECT_EQ(format("%o", 8u), "10");
    EXPECT_EQ(format("%llu", ULLONG_MAX), "18446744073709551615");
    EXPECT_EQ(format("%llx", ULLONG_MAX), "ffffffffffffffff");
    EXPECT_EQ(format("%llo", ULLONG_MAX), "1777777777777777777777");
    EXPECT_EQ(format("%u", -1), "4294967295"); // reinterprets like C
}

TEST(Format, LengthModifiers)
{
    EXPECT_EQ(format("%hhd", 0x1ff), "-1");
    EXPECT_EQ(format("%hhu", 0x1ff), "255");
    EXPECT_EQ(format("%hhx", 0x1234), "34");
    EXPECT_EQ(format("%hd", 0x18000), "-32768");
    EXPECT_EQ(format("%hu", 0x18000), "32768");
    EXPECT_EQ(format("%hx", 0xabcdef), "cdef");
    EXPECT_EQ(format("%lu", 4000000000ul), "4000000000");
    EXPECT_EQ(format("%lx", 0xabcul), "abc");
    EXPECT_EQ(format("%lld", -5ll), "-5");
    EXPECT_EQ(format("%llx", 0x123456789abcull), "123456789abc");
    EXPECT_EQ(format("%zu", sizeof(int[10])), "40");
    EXPECT_EQ(format("%zx", static_cast<size_t>(255)), "ff");
    EXPECT_EQ(format("%td", static_cast<ptrdiff_t>(-7)), "-7");
    EXPECT_EQ(format("%jd", static_cast<intmax_t>(-9)), "-9");
    // A small value after a wide one must not be mixed up in the argument list.
    EXPECT_EQ(format("%lld %d %hhd %zu", 1ll << 40, 3, 4, static_cast<size_t>(5)), "1099511627776 3 4 5");
}

TEST(Format, CharAndString)
{
    EXPECT_EQ(format("%c", 'A'), "A");
    EXPECT_EQ(format("[%3c]", 'x'), "[  x]");
    EXPECT_EQ(format("[%-3c]", 'x'), "[x  ]");
    EXPECT_EQ(format("%s", "text"), "text");
    EXPECT_EQ(format("[%8s]", "abc"), "[     abc]");
    EXPECT_EQ(format("[%-8s]", "abc"), "[abc     ]");
    EXPECT_EQ(format("[%.2s]", "abcdef"), "[ab]");
    EXPECT_EQ(format("[%5.1s]", "abcdef"), "[    a]");
    EXPECT_EQ(format("%s", static_cast<const char*>(nullptr)), "(null)");
    EXPECT_EQ(format("[%8s]", static_cast<const char*>(nullptr)), "[  (null)]");
    // Precision bounds reading: an unterminated array is fine.
    const char unterminated[3] = { 'x', 'y', 'z' };
    EXPECT_EQ(format("%.3s", unterminated), "xyz");
}

TEST(Format, WidthAndFlags)
{
    EXPECT_EQ(format("[%5d]", 42), "[   42]");
    EXPECT_EQ(format("[%-5d]", 42), "[42   ]");
    EXPECT_EQ(format("[%05d]", 42), "[00042]");
    EXPECT_EQ(format("[%05d]", -42), "[-0042]");
    EXPECT_EQ(format("[%-05d]", 42), "[42   ]"); // '-' beats '0'
    EXPECT_EQ(format("[%+d]", 42), "[+42]");
    EXPECT_EQ(format("[%+d]", -42), "[-42]");
    EXPECT_EQ(format("[% d]", 42), "[ 42]");
    EXPECT_EQ(format("[%+ d]", 42), "[+42]"); // '+' beats space
    EXPECT_EQ(format("[%+u]", 42u), "[42]"); // no sign for unsigned
    EXPECT_EQ(format("[%#x]", 255u), "[0xff]");
    EXPECT_EQ(format("[%#X]", 255u), "[0XFF]");
    EXPECT_EQ(format("[%#x]", 0u), "[0]");
    EXPECT_EQ(format("[%#o]", 8u), "[010]");
    EXPECT_EQ(format("[%#o]", 0u), "[0]");
    EXPECT_EQ(format("[%#010x]", 255u), "[0x000000ff]");
    EXPECT_EQ(format("[%08x]", 0xbeefu), "[0000beef]");
    EXPECT_EQ(format("[%2d]", 12345), "[12345]"); // width is a minimum
}

TEST(Format, Precision)
{
    EXPECT_EQ(format("[%.5d]", 42), "[00042]");
    EXPECT_EQ(format("[%.5d]", -42), "[-00042]");
    EXPECT_EQ(format("[%8.5d]", 42), "[   00042]");
    EXPECT_EQ(format("[%08.5d]", 42), "[   00042]"); // precision disables '0'
    EXPECT_EQ(format("[%.0d]", 0), "[]");
    EXPECT_EQ(format("[%5.0d]", 0), "[     ]");
    EXPECT_EQ(format("[%.0x]", 0u), "[]");
    EXPECT_EQ(format("[%#.0o]", 0u), "[0]");
    EXPECT_EQ(format("[%.3x]", 0xau), "[00a]");
    EXPECT_EQ(format("[%#.5x]", 0xau), "[0x0000a]");
    EXPECT_EQ(format("[%.d]", 7), "[7]");
}

TEST(Format, StarWidthAndPrecision)
{
    EXPECT_EQ(format("[%*d]", 6, 42), "[    42]");
    EXPECT_EQ(format("[%*d]", -6, 42), "[42    ]"); // negative width means '-'
    EXPECT_EQ(format("[%.*d]", 4, 42), "[0042]");
    EXPECT_EQ(format("[%.*d]", -1, 42), "[42]"); // negative precision is ignored
    EXPECT_EQ(format("[%*.*s]", 6, 2, "abcdef"), "[    ab]");
    EXPECT_EQ(format("[%-*s|%d]", 4, "a", 9), "[a   |9]");
}

TEST(Format, Pointers)
{
    EXPECT_EQ(format("%p", reinterpret_cast<void*>(0xc0101234u)), "c0101234");
    EXPECT_EQ(format("%p", reinterpret_cast<void*>(0x1000u)), "00001000");
    EXPECT_EQ(format("%p", static_cast<void*>(nullptr)), "00000000");
    EXPECT_EQ(format("(%px)", reinterpret_cast<void*>(0xc0101234u)), "(c0101234)");
    EXPECT_EQ(format("%pK.", reinterpret_cast<void*>(0x1000u)), "00001000.");
    EXPECT_EQ(format("[%12p]", reinterpret_cast<void*>(0xabu)), "[    000000ab]");
    EXPECT_EQ(format("[%-10p]", reinterpret_cast<void*>(0xabu)), "[000000ab  ]");
    if (sizeof(void*) == 8) {
        EXPECT_EQ(format("%p", reinterpret_cast<void*>(static_cast<uintptr_t>(0x123456789abull))), "123456789ab");
    }
}

TEST(Format, UnknownConversionsAreCopied)
{
    EXPECT_EQ(format("%y"), "%y");
    EXPECT_EQ(format("a%-5yb"), "a%-5yb");
    EXPECT_EQ(format("%n"), "%n");
    EXPECT_EQ(format("%f", 1), "%f");
    EXPECT_EQ(format("end%"), "end%");
    EXPECT_EQ(format("%y %d", 5), "%y 5");
}

TEST(Format, TruncationAndReturnValue)
{
    char buf[8];
    memset(buf, 'x', sizeof(buf));
    EXPECT_EQ(libk::snprintf(buf, sizeof(buf), "%s", "hello world"), 11);
    EXPECT_STREQ(buf, "hello w");

    memset(buf, 'x', sizeof(buf));
    EXPECT_EQ(libk::snprintf(buf, 1, "%d", 12345), 5);
    EXPECT_EQ(buf[0], '\0');
    EXPECT_EQ(buf[1], 'x');

    // Size 0 writes nothing at all, and even a null buffer is allowed.
    memset(buf, 'x', sizeof(buf));
    EXPECT_EQ(libk::snprintf(buf, 0, "%d", 12345), 5);
    EXPECT_EQ(buf[0], 'x');
    EXPECT_EQ(libk::snprintf(nullptr, 0, "abc%s", "def"), 6);

    // Exactly fitting: 7 characters plus NUL in 8 bytes.
    EXPECT_EQ(libk::snprintf(buf, sizeof(buf), "%07d", 1), 7);
    EXPECT_STREQ(buf, "0000001");
    // Truncation in the middle of padding and of a number.
    EXPECT_EQ(libk::snprintf(buf, 4, "[%10d]", 5), 12);
    EXPECT_STREQ(buf, "[  ");
    EXPECT_EQ(libk::snprintf(buf, 4, "%d", -123456), 7);
    EXPECT_STREQ(buf, "-12");
}

TEST(Format, Scnprintf)
{
    char buf[8];
    EXPECT_EQ(libk::scnprintf(buf, sizeof(buf), "%s", "hello world"), 7);
    EXPECT_STREQ(buf, "hello w");
    EXPECT_EQ(libk::scnprintf(buf, sizeof(buf), "%d", 42), 2);
    EXPECT_STREQ(buf, "42");
    EXPECT_EQ(libk::scnprintf(buf, 0, "%d", 42), 0);
    EXPECT_EQ(libk::scnprintf(buf, 1, "%d", 42), 0);
    EXPECT_STREQ(buf, "");

    // The usual pattern: append until full, the offset never passes the buffer.
    char line[10];
    size_t used = 0;
    for (int i = 0; i < 10; ++i)
        used += libk::scnprintf(line + used, sizeof(line) - used, "%d,", i);
    EXPECT_EQ(used, 9u);
    EXPECT_STREQ(line, "0,1,2,3,4");
}

int fake_resolver(uintptr_t address, char* out, size_t size, bool with_offset)
{
    if (address < 0xc0101000u || address >= 0xc0101080u)
        return 0;
    if (with_offset)
        return libk::snprintf(out, size, "start_kernel+0x%x/0x80", static_cast<unsigned>(address - 0xc0101000u));
    return libk::snprintf(out, size, "start_kernel");
}

TEST(Format, SymbolsWithResolver)
{
    libk::set_symbol_resolver(fake_resolver);
    auto* inside = reinterpret_cast<void*>(0xc010101cu);
    auto* outside = reinterpret_cast<void*>(0xc0200000u);
    EXPECT_EQ(format("%pS", inside), "start_kernel+0x1c/0x80");
    EXPECT_EQ(format("%ps", inside), "start_kernel");
    EXPECT_EQ(format("[%pS]", outside), "[c0200000]");
    EXPECT_EQ(format("[%ps]", outside), "[c0200000]");
    EXPECT_EQ(format("[%-14ps]", inside), "[start_kernel  ]");
    EXPECT_EQ(format("at %pS!", inside), "at start_kernel+0x1c/0x80!");
    // Plain %p and Linux's %px (the raw address) are unaffected; other text follows as written.
    EXPECT_EQ(format("%px", inside), "c010101c");
    EXPECT_EQ(format("%p.", inside), "c010101c.");
    char small[8];
    EXPECT_EQ(libk::snprintf(small, sizeof(small), "%pS", inside), 22);
    EXPECT_STREQ(small, "start_k");
    libk::set_symbol_resolver(nullptr);
}

TEST(Format, SymbolsWithoutResolver)
{
    libk::set_symbol_resolver(nullptr);
    auto* address = reinterpret_cast<void*>(0xc010101cu);
    EXPECT_EQ(format("%pS", address), "c010101c");
    EXPECT_EQ(format("%ps", address), "c010101c");
}

TEST(Format, AgreesWithLibc)
{
    const char* int_formats[] = { "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%+.0d",
        "%x", "%#x", "%#8x", "%#-8x|", "%#08x", "%X", "%#X", "%o", "%#o", "%#5o", "%#.3o", "%u", "%10u", "%.0u" };
    const int values[] = { 0, 1, -1, 7, -7, 255, 4096, 123456, -123456, INT_MAX, INT_MIN };
    for (const char* fmt : int_formats)
        for (int v : values)
            expect_like_libc(fmt, v);

    const char* long_long_formats[] = { "%lld", "%llu", "%llx", "%llo", "%+lld", "%025lld", "%-25lld|", "%.20lld", "%#llx" };
    const long long long_values[] = { 0, 1, -1, LLONG_MIN, LLONG_MAX, 1ll << 33, -(1ll << 40) };
    for (const char* fmt : long_long_formats)
        for (long long v : long_values)
            expect_like_libc(fmt, v);

    const char* string_formats[] = { "%s", "%10s", "%-10s|", "%.0s", "%.3s", "%10.3s", "%-10.3s|" };
    for (const char* fmt : string_formats)
        for (const char* s : { "", "a", "hello", "hello world" })
            expect_like_libc(fmt, s);

    for (int c : { 'a', ' ', '~' }) {
        expect_like_libc("%c", c);
        expect_like_libc("%4c|%-4c|", c, c);
    }
    expect_like_libc("%*d|%-*d|%.*d", 5, 1, 5, 2, 3, 4);
    expect_like_libc("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
    expect_like_libc("%zu %zd %td", static_cast<size_t>(99), static_cast<ptrdiff_t>(-99), static_cast<ptrdiff_t>(5));
    expect_like_libc("%lu %ld %lx", ULONG_MAX, LONG_MIN, ULONG_MAX);
}

#pragma GCC diagnostic pop

} // namespace
