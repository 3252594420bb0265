// libk::relative_path: the targets sysfs writes into its symlinks.
#include <gtest/gtest.h>
#include <libk/relative_path.h>
#include <string>

namespace {

std::string relative(const char* from, const char* to)
{
    char out[128];
    long length = libk::relative_path(from, to, out, sizeof(out));
    if (length < 0)
        return "<error>";
    EXPECT_EQ(static_cast<size_t>(length), std::string(out).size());
    return out;
}

TEST(RelativePath, ClassLinkToDevice)
{
    EXPECT_EQ(relative("/class/mychar", "/devices/virtual/mychar/mychar0"), "../../devices/virtual/mychar/mychar0");
}

TEST(RelativePath, DeviceSubsystemLinkToClass)
{
    EXPECT_EQ(relative("/devices/virtual/mychar/mychar0", "/class/mychar"), "../../../../class/mychar");
}

TEST(RelativePath, SharedPrefixIsSkipped)
{
    EXPECT_EQ(relative("/dev/char", "/devices/virtual/a/b"), "../../devices/virtual/a/b");
    EXPECT_EQ(relative("/a/b/c", "/a/b/d"), "../d");
    EXPECT_EQ(relative("/a/b", "/a/b/c/d"), "c/d");
}

TEST(RelativePath, ComponentsMatchWhole)
{
    // "/ab" is not below "/a".
    EXPECT_EQ(relative("/a", "/ab/c"), "../ab/c");
}

TEST(RelativePath, RootAndSame)
{
    EXPECT_EQ(relative("/", "/kernel/mm"), "kernel/mm");
    EXPECT_EQ(relative("/kernel/mm", "/"), "../..");
    EXPECT_EQ(relative("/a/b", "/a/b"), ".");
    EXPECT_EQ(relative("//a///b/", "/a/b/c"), "c");
}

TEST(RelativePath, Errors)
{
    char out[8];
    EXPECT_EQ(libk::relative_path("a", "/b", out, sizeof(out)), -1);
    EXPECT_EQ(libk::relative_path("/a", "b", out, sizeof(out)), -1);
    EXPECT_EQ(libk::relative_path("/x/y", "/z/long-name", out, sizeof(out)), -1);   // too small
    EXPECT_EQ(libk::relative_path("/x", "/abcdef", out, sizeof(out)), -1);           // 10 bytes with the NUL
    EXPECT_EQ(libk::relative_path("/", "/abcdefg", out, sizeof(out)), 7);
    EXPECT_STREQ(out, "abcdefg");
}

} // namespace
