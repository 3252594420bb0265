// Host tests for the "#!" line parser (libk/shebang), against Linux's load_script() rules.
#include <gtest/gtest.h>
#include <libk/shebang.h>
#include <string>

using libk::Shebang;

static bool parse(const std::string& text, Shebang& s) { return libk::parse_shebang(text.data(), text.size(), s); }

TEST(Shebang, InterpreterOnly)
{
    Shebang s;
    ASSERT_TRUE(parse("#!/bin/sh\necho hi\n", s));
    EXPECT_STREQ(s.interpreter, "/bin/sh");
    EXPECT_FALSE(s.has_argument);
}

TEST(Shebang, OneArgumentIsTheRestOfTheLine)
{
    Shebang s;
    ASSERT_TRUE(parse("#! /usr/bin/env  python3 -u  \t\nprint()\n", s));
    EXPECT_STREQ(s.interpreter, "/usr/bin/env");
    ASSERT_TRUE(s.has_argument);
    EXPECT_STREQ(s.argument, "python3 -u");   // not split further, trailing blanks trimmed
}

TEST(Shebang, NoNewlineShortFile)
{
    Shebang s;
    ASSERT_TRUE(parse("#!/bin/busybox sh", s));
    EXPECT_STREQ(s.interpreter, "/bin/busybox");
    EXPECT_STREQ(s.argument, "sh");
}

TEST(Shebang, NotAScript)
{
    Shebang s;
    EXPECT_FALSE(parse("\x7f" "ELF", s));
    EXPECT_FALSE(parse("#", s));
    EXPECT_FALSE(parse("echo hi\n", s));
    EXPECT_FALSE(parse("#!\n", s));       // no interpreter
    EXPECT_FALSE(parse("#!   \t\n", s));  // blanks only
}

TEST(Shebang, TruncatedInterpreterIsRejected)
{
    Shebang s;
    std::string longname = "#!/" + std::string(300, 'a');   // no terminator within 256 bytes
    EXPECT_FALSE(parse(longname, s));
    // A long argument is cut at the buffer's end, as Linux does; the name is whole.
    std::string longarg = "#!/bin/sh " + std::string(300, 'b');
    ASSERT_TRUE(parse(longarg, s));
    EXPECT_STREQ(s.interpreter, "/bin/sh");
    EXPECT_EQ(std::string(s.argument).size(), 255u - 10u);
}

TEST(Shebang, CarriageReturnIsPartOfTheName)
{
    Shebang s;   // Linux does not strip \r: a DOS script names "/bin/sh\r"
    ASSERT_TRUE(parse("#!/bin/sh\r\n", s));
    EXPECT_STREQ(s.interpreter, "/bin/sh\r");
}
