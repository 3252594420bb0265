// Host tests for the kernel command-line parser (libk/cmdline).
#include <gtest/gtest.h>
#include <libk/cmdline.h>
#include <climits>
#include <cstring>
#include <string>

using libk::Cmdline;
using libk::StringView;

static std::string str(StringView v) { return std::string(v.data(), v.length()); }

// The kernel keeps its Cmdline as a constinit global.
constinit Cmdline g_cmdline;

static void parse(Cmdline& c, const std::string& s) { c.parse(s.c_str(), s.size()); }

TEST(Cmdline, GlobalStartsEmpty)
{
    EXPECT_EQ(g_cmdline.count(), 0u);
    EXPECT_FALSE(g_cmdline.has("quiet"));
    g_cmdline.parse("quiet", 5);
    EXPECT_TRUE(g_cmdline.has("quiet"));
}

TEST(Cmdline, SimpleParams)
{
    static Cmdline c;
    parse(c, "root=/dev/memdrive1 quiet\tloglevel=7  console=ttyS0,115200");
    ASSERT_EQ(c.count(), 4u);
    EXPECT_EQ(str(c[0].key), "root");
    EXPECT_EQ(str(c[0].value), "/dev/memdrive1");
    EXPECT_TRUE(c[0].has_value);
    EXPECT_EQ(str(c[1].key), "quiet");
    EXPECT_FALSE(c[1].has_value);
    EXPECT_EQ(str(c[1].value), "");
    EXPECT_EQ(str(c[3].value), "ttyS0,115200");
    EXPECT_EQ(str(c.get("root")), "/dev/memdrive1");
    EXPECT_EQ(str(c.get("missing", "dflt")), "dflt");
    EXPECT_EQ(str(c.get("quiet", "dflt")), "dflt");  // a flag has no value
    EXPECT_EQ(c.init_args_begin(), 4u);
    EXPECT_FALSE(c.truncated());
    EXPECT_STREQ(c.text(), "root=/dev/memdrive1 quiet\tloglevel=7  console=ttyS0,115200");
}

TEST(Cmdline, EmptyAndBlankInput)
{
    static Cmdline c;
    parse(c, "");
    EXPECT_EQ(c.count(), 0u);
    EXPECT_STREQ(c.text(), "");
    parse(c, "   \t  ");
    EXPECT_EQ(c.count(), 0u);
    c.parse(nullptr, 0);
    EXPECT_EQ(c.count(), 0u);
    EXPECT_EQ(c.find("x"), nullptr);
}

TEST(Cmdline, QuotedValue)
{
    static Cmdline c;
    parse(c, "a=1 msg=\"hello  world\" b=2");
    ASSERT_EQ(c.count(), 3u);
    EXPECT_EQ(str(c[1].key), "msg");
    EXPECT_EQ(str(c[1].value), "hello  world");
    EXPECT_EQ(str(c[2].value), "2");
}

TEST(Cmdline, QuotedWholeParam)
{
    static Cmdline c;
    parse(c, "\"msg=a b c\" \"flag with space\" x");
    ASSERT_EQ(c.count(), 3u);
    EXPECT_EQ(str(c[0].key), "msg");
    EXPECT_EQ(str(c[0].value), "a b c");
    EXPECT_TRUE(c[0].has_value);
    EXPECT_EQ(str(c[1].key), "flag with space");
    EXPECT_FALSE(c[1].has_value);
    EXPECT_EQ(str(c[2].key), "x");
}

TEST(Cmdline, UnterminatedQuoteRunsToEnd)
{
    static Cmdline c;
    parse(c, "a=\"x y z");
    ASSERT_EQ(c.count(), 1u);
    EXPECT_EQ(str(c[0].value), "x y z");
}

TEST(Cmdline, EmptyValue)
{
    static Cmdline c;
    parse(c, "init= console=\"\"");
    ASSERT_EQ(c.count(), 2u);
    EXPECT_TRUE(c[0].has_value);
    EXPECT_EQ(c[0].value.length(), 0u);
    EXPECT_TRUE(c.has("init"));
    EXPECT_EQ(str(c.get("init", "fallback")), "");
    EXPECT_TRUE(c[1].has_value);
    EXPECT_EQ(str(c[1].value), "");
}

TEST(Cmdline, ValueMayContainEquals)
{
    static Cmdline c;
    parse(c, "opts=a=b,c=d");
    ASSERT_EQ(c.count(), 1u);
    EXPECT_EQ(str(c[0].key), "opts");
    EXPECT_EQ(str(c[0].value), "a=b,c=d");
}

TEST(Cmdline, DuplicatesLastWins)
{
    static Cmdline c;
    parse(c, "loglevel=3 quiet loglevel=8");
    EXPECT_EQ(c.count(), 3u);
    EXPECT_EQ(str(c.get("loglevel")), "8");
    EXPECT_EQ(c.find("loglevel"), &c[2]);
    long level = 0;
    ASSERT_TRUE(c.get_long("loglevel", level));
    EXPECT_EQ(level, 8);
}

TEST(Cmdline, DashAndUnderscoreAreEqual)
{
    static Cmdline c;
    parse(c, "initcall_debug no-hlt=1");
    EXPECT_TRUE(c.has("initcall-debug"));
    EXPECT_TRUE(c.has("initcall_debug"));
    EXPECT_EQ(str(c.get("no_hlt")), "1");
    EXPECT_FALSE(c.has("initcall"));
    EXPECT_FALSE(c.has("initcall_debugx"));
    EXPECT_TRUE(libk::cmdline_key_equal("a-b_c", "a_b-c"));
    EXPECT_FALSE(libk::cmdline_key_equal("a-b", "a.b"));
}

TEST(Cmdline, DoubleDashStartsInitArgs)
{
    static Cmdline c;
    parse(c, "quiet init=/bin/sh -- single debug=1 -- x");
    ASSERT_EQ(c.count(), 6u);
    EXPECT_EQ(c.init_args_begin(), 2u);
    EXPECT_EQ(str(c[2].key), "single");
    EXPECT_EQ(str(c[3].key), "debug");
    EXPECT_EQ(str(c[4].key), "--");  // only the first `--` is special
    EXPECT_EQ(str(c[5].key), "x");
    EXPECT_TRUE(c.has("init"));
    EXPECT_FALSE(c.has("debug"));  // init's arguments are not kernel parameters
    EXPECT_FALSE(c.has("single"));
}

TEST(Cmdline, DoubleDashWithValueIsNormal)
{
    static Cmdline c;
    parse(c, "--=x a");
    ASSERT_EQ(c.count(), 2u);
    EXPECT_EQ(c.init_args_begin(), 2u);
    EXPECT_EQ(str(c.get("--")), "x");
}

TEST(Cmdline, GetLong)
{
    static Cmdline c;
    parse(c, "a=42 b=-17 c=0x1F d=0XfF e=12x f= g h=99999999999999999999999 i=-0x10 j=+5 k=- l=0x");
    long v = 0;
    ASSERT_TRUE(c.get_long("a", v));
    EXPECT_EQ(v, 42);
    ASSERT_TRUE(c.get_long("b", v));
    EXPECT_EQ(v, -17);
    ASSERT_TRUE(c.get_long("c", v));
    EXPECT_EQ(v, 31);
    ASSERT_TRUE(c.get_long("d", v));
    EXPECT_EQ(v, 255);
    ASSERT_TRUE(c.get_long("i", v));
    EXPECT_EQ(v, -16);
    ASSERT_TRUE(c.get_long("j", v));
    EXPECT_EQ(v, 5);
    v = 1234;
    EXPECT_FALSE(c.get_long("e", v));
    EXPECT_FALSE(c.get_long("f", v));
    EXPECT_FALSE(c.get_long("g", v));
    EXPECT_FALSE(c.get_long("h", v));
    EXPECT_FALSE(c.get_long("k", v));
    EXPECT_FALSE(c.get_long("l", v));
    EXPECT_FALSE(c.get_long("zz", v));
    EXPECT_EQ(v, 1234);  // untouched on failure
}

TEST(Cmdline, ParseLongLimits)
{
    long v = 0;
    ASSERT_TRUE(libk::parse_long(std::to_string(LONG_MAX).c_str(), v));
    EXPECT_EQ(v, LONG_MAX);
    ASSERT_TRUE(libk::parse_long(std::to_string(LONG_MIN).c_str(), v));
    EXPECT_EQ(v, LONG_MIN);
    std::string over = std::to_string(LONG_MAX);
    over.back() += 1;
    EXPECT_FALSE(libk::parse_long(over.c_str(), v));
}

TEST(Cmdline, StopsAtNul)
{
    static Cmdline c;
    const char text[] = "a=1 b\0c=3";
    c.parse(text, sizeof(text) - 1);
    EXPECT_EQ(c.count(), 2u);
    EXPECT_STREQ(c.text(), "a=1 b");
    EXPECT_FALSE(c.truncated());
}

TEST(Cmdline, Truncation)
{
    static Cmdline c;
    std::string s = "first=1 ";
    while (s.size() < Cmdline::max_length + 100)
        s += "xxxxxxxxx ";
    parse(c, s);
    EXPECT_TRUE(c.truncated());
    EXPECT_EQ(std::strlen(c.text()), Cmdline::max_length);
    EXPECT_EQ(std::string(c.text()), s.substr(0, Cmdline::max_length));
    EXPECT_EQ(str(c.get("first")), "1");

    // Exactly max_length fits.
    parse(c, std::string(Cmdline::max_length, 'a'));
    EXPECT_FALSE(c.truncated());
    ASSERT_EQ(c.count(), 1u);
    EXPECT_EQ(c[0].key.length(), Cmdline::max_length);
}

TEST(Cmdline, ManyParams)
{
    static Cmdline c;
    std::string s;
    for (size_t i = 0; i < Cmdline::max_params; ++i)
        s += "p" + std::to_string(i) + "=" + std::to_string(i * 3) + " ";
    parse(c, s);
    EXPECT_FALSE(c.truncated());
    ASSERT_EQ(c.count(), Cmdline::max_params);
    for (size_t i = 0; i < Cmdline::max_params; ++i) {
        long v = -1;
        ASSERT_TRUE(c.get_long(("p" + std::to_string(i)).c_str(), v));
        EXPECT_EQ(v, static_cast<long>(i * 3));
    }

    parse(c, s + "extra=1 more");
    EXPECT_TRUE(c.truncated());
    EXPECT_EQ(c.count(), Cmdline::max_params);
    EXPECT_FALSE(c.has("extra"));
}

TEST(Cmdline, ReparseReplacesEverything)
{
    static Cmdline c;
    parse(c, "a=1 -- b");
    parse(c, "c=2");
    EXPECT_EQ(c.count(), 1u);
    EXPECT_FALSE(c.has("a"));
    EXPECT_EQ(c.init_args_begin(), 1u);
    EXPECT_STREQ(c.text(), "c=2");
}
