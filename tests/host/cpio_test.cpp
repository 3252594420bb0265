// Tests of the cpio newc reader: archives built here, then broken on purpose.
#include <gtest/gtest.h>
#include <libk/cpio.h>

#include <cstdio>
#include <string>
#include <vector>

using libk::CpioEntry;
using libk::CpioError;
using libk::CpioReader;

namespace {

struct Member {
    std::string name;
    uint32_t mode;
    std::string data;
    uint32_t rdev_major = 0, rdev_minor = 0;
    uint32_t uid = 0, gid = 0;
};

void pad4(std::string& out)
{
    while (out.size() % 4)
        out.push_back('\0');
}

std::string header(const Member& m, uint32_t ino, uint32_t namesize)
{
    char buffer[111];
    std::snprintf(buffer, sizeof(buffer), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ino, m.mode,
        m.uid, m.gid, 1u, 0x6543210u, static_cast<unsigned>(m.data.size()), 0u, 0u, m.rdev_major, m.rdev_minor,
        namesize, 0u);
    return std::string(buffer, 110);
}

std::string entry(const Member& m, uint32_t ino)
{
    std::string out = header(m, ino, static_cast<uint32_t>(m.name.size() + 1));
    out += m.name;
    out.push_back('\0');
    pad4(out);
    out += m.data;
    pad4(out);
    return out;
}

std::string archive(const std::vector<Member>& members)
{
    std::string out;
    uint32_t ino = 100;
    for (const Member& m : members)
        out += entry(m, ino++);
    out += entry(Member { "TRAILER!!!", 0, "" }, 0);
    return out;
}

std::vector<Member> sample()
{
    return {
        { "etc", 040755, "" },
        { "etc/passwd", 0100644, "root:x:0:0:root:/root:/bin/sh\n", 0, 0, 0, 0 },
        { "bin/sh", 0100755, "\x7f" "ELF", 0, 0, 1000, 100 },
        { "lib/link", 0120777, "../etc/passwd" },
        { "dev/console", 020600, "", 5, 1 },
    };
}

// Reads everything; returns the entries and the reader's final error.
CpioError read_all(const std::string& data, std::vector<CpioEntry>& entries)
{
    CpioReader reader(data.data(), data.size());
    CpioEntry e {};
    while (reader.next(e))
        entries.push_back(e);
    return reader.error();
}

std::string name_of(const CpioEntry& e)
{
    return std::string(e.name.data(), e.name.length());
}

} // namespace

TEST(Cpio, ReadsAValidArchive)
{
    std::string data = archive(sample());
    std::vector<CpioEntry> entries;
    ASSERT_EQ(read_all(data, entries), CpioError::None);
    ASSERT_EQ(entries.size(), 5u);
    EXPECT_EQ(name_of(entries[0]), "etc");
    EXPECT_EQ(entries[0].mode, 040755u);
    EXPECT_EQ(entries[0].data_size, 0u);
    EXPECT_EQ(name_of(entries[1]), "etc/passwd");
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(entries[1].data), entries[1].data_size),
        "root:x:0:0:root:/root:/bin/sh\n");
    EXPECT_EQ(entries[1].mtime, 0x6543210u);
    EXPECT_EQ(entries[2].uid, 1000u);
    EXPECT_EQ(entries[2].gid, 100u);
    EXPECT_EQ(entries[2].data_size, 4u);
    EXPECT_EQ(entries[3].mode & 0170000, 0120000u);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(entries[3].data), entries[3].data_size), "../etc/passwd");
    EXPECT_EQ(entries[4].rdev_major, 5u);
    EXPECT_EQ(entries[4].rdev_minor, 1u);
    for (const CpioEntry& e : entries) {
        EXPECT_GE(e.data, reinterpret_cast<const uint8_t*>(data.data()));
        EXPECT_LE(e.data + e.data_size, reinterpret_cast<const uint8_t*>(data.data() + data.size()));
    }
}

TEST(Cpio, AcceptsLowercaseHexAndCrcMagic)
{
    std::string data = archive({ { "a", 0100644, "xyz" } });
    data[5] = '2';
    for (size_t i = 6; i < 110; ++i)
        data[i] = static_cast<char>(std::tolower(data[i]));
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::None);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].data_size, 3u);
}

TEST(Cpio, EmptyArchiveIsJustATrailer)
{
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(archive({}), entries), CpioError::None);
    EXPECT_TRUE(entries.empty());
}

TEST(Cpio, ConcatenatedArchivesWithPadding)
{
    std::string data = archive({ { "a", 0100644, "1" } });
    data += std::string(512, '\0');
    data += archive({ { "b", 0100644, "22" } });
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::None);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(name_of(entries[1]), "b");
}

TEST(Cpio, RejectsBadMagic)
{
    std::string data = archive(sample());
    data[0] = '1';
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::BadMagic);
    EXPECT_TRUE(entries.empty());
    std::string old_binary = archive(sample());
    old_binary.replace(0, 6, "070707");
    entries.clear();
    EXPECT_EQ(read_all(old_binary, entries), CpioError::BadMagic);
}

TEST(Cpio, RejectsBadHex)
{
    std::string data = archive(sample());
    data[6 + 8 * 6 + 3] = 'g';   // in filesize of the first entry
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::BadHex);
    std::string spaced = archive(sample());
    spaced[6] = ' ';
    entries.clear();
    EXPECT_EQ(read_all(spaced, entries), CpioError::BadHex);
}

TEST(Cpio, RejectsEveryTruncation)
{
    std::string data = archive(sample());
    // Every prefix must fail cleanly (ASan checks that nothing past it is read).
    // Only the trailer's final padding (121 bytes padded to 124) may be missing.
    for (size_t length = 0; length < data.size() - 3; ++length) {
        std::string prefix = data.substr(0, length);
        std::vector<CpioEntry> entries;
        CpioError error = read_all(prefix, entries);
        EXPECT_NE(error, CpioError::None) << "prefix " << length;
    }
}

TEST(Cpio, RejectsNameWithoutNul)
{
    Member m { "abc", 0100644, "" };
    std::string data = header(m, 1, 3) + "abcd";   // namesize 3 but no NUL at name[2]
    data += entry(Member { "TRAILER!!!", 0, "" }, 0);
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::BadName);
}

TEST(Cpio, RejectsEmbeddedNulAndZeroNameSize)
{
    Member m { "ab", 0100644, "" };
    std::string embedded = header(m, 1, 3) + std::string("a\0\0\0", 4);
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(embedded, entries), CpioError::BadName);
    std::string zero = header(m, 1, 0) + std::string(4, '\0');
    entries.clear();
    EXPECT_EQ(read_all(zero, entries), CpioError::BadName);
}

TEST(Cpio, RejectsSizesPastTheEnd)
{
    Member m { "f", 0100644, "data" };
    std::string data = entry(m, 1);
    // filesize field: 0xFFFFFFFF
    data.replace(6 + 8 * 6, 8, "FFFFFFFF");
    data += entry(Member { "TRAILER!!!", 0, "" }, 0);
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::Truncated);

    std::string big_name = entry(m, 1);
    big_name.replace(6 + 8 * 11, 8, "7FFFFFFF");   // namesize
    entries.clear();
    EXPECT_EQ(read_all(big_name, entries), CpioError::Truncated);
}

TEST(Cpio, MissingTrailer)
{
    std::string data = entry(Member { "a", 0100644, "1" }, 1);
    std::vector<CpioEntry> entries;
    EXPECT_EQ(read_all(data, entries), CpioError::MissingTrailer);
    EXPECT_EQ(entries.size(), 1u);
}

TEST(Cpio, StopsAfterAnError)
{
    std::string data = archive(sample());
    data[0] = 'x';
    CpioReader reader(data.data(), data.size());
    CpioEntry e {};
    EXPECT_FALSE(reader.next(e));
    EXPECT_FALSE(reader.next(e));
    EXPECT_EQ(reader.error(), CpioError::BadMagic);
    EXPECT_STRNE(libk::cpio_error_string(reader.error()), "");
}
