// Host tests for the printk ring buffer (libk/log_buffer).
#include <gtest/gtest.h>
#include <libk/log_buffer.h>
#include <string>
#include <vector>

using libk::LogBuffer;
using libk::LogRecord;

namespace {

struct Fixture {
    explicit Fixture(size_t size)
        : storage(size / 8 + 1)
    {
        log.init(storage.data(), size);
    }
    uint64_t add(const std::string& text, uint8_t level = 6, uint64_t ts = 0, uint8_t flags = 0)
    {
        return log.append(level, ts, text.data(), text.size(), flags);
    }
    std::string read(uint64_t seq, LogRecord& rec)
    {
        char buf[LogBuffer::max_text + 1];
        if (!log.read(seq, rec, buf, sizeof buf))
            return "<none>";
        return std::string(buf, rec.text_length);
    }
    std::vector<uint64_t> storage;
    LogBuffer log;
};

std::string message(uint64_t n)
{
    // Lengths vary so records wrap at different places.
    return "msg " + std::to_string(n) + std::string(n % 37, static_cast<char>('a' + n % 26));
}

} // namespace

constinit LogBuffer g_log;

TEST(LogBuffer, ConstinitGlobal)
{
    EXPECT_EQ(g_log.next_seq(), 0u);
    EXPECT_EQ(g_log.append(4, 1, "early", 5), 0u);  // before init: dropped, not a crash
    LogRecord rec {};
    char buf[8];
    EXPECT_FALSE(g_log.read(0, rec, buf, sizeof buf));
    static uint64_t storage[64];
    g_log.init(storage, sizeof storage);
    EXPECT_EQ(g_log.append(4, 1, "x", 1), 0u);
    EXPECT_EQ(g_log.next_seq(), 1u);
}

TEST(LogBuffer, AppendAndRead)
{
    Fixture f(4096);
    EXPECT_EQ(f.log.first_seq(), 0u);
    EXPECT_EQ(f.log.next_seq(), 0u);
    LogRecord rec {};
    char buf[16];
    EXPECT_FALSE(f.log.read(0, rec, buf, sizeof buf));

    EXPECT_EQ(f.add("hello", 3, 1000, 2), 0u);
    EXPECT_EQ(f.add("world!", 7, 2000), 1u);
    EXPECT_EQ(f.add("", 0, 3000), 2u);
    EXPECT_EQ(f.log.next_seq(), 3u);
    EXPECT_GT(f.log.used_bytes(), 0u);

    EXPECT_EQ(f.read(0, rec), "hello");
    EXPECT_EQ(rec.seq, 0u);
    EXPECT_EQ(rec.level, 3);
    EXPECT_EQ(rec.flags, 2);
    EXPECT_EQ(rec.timestamp_ns, 1000u);
    EXPECT_EQ(rec.text_length, 5);
    EXPECT_EQ(f.read(1, rec), "world!");
    EXPECT_EQ(rec.level, 7);
    EXPECT_EQ(rec.timestamp_ns, 2000u);
    EXPECT_EQ(f.read(2, rec), "");
    EXPECT_EQ(rec.text_length, 0);
    EXPECT_FALSE(f.log.read(3, rec, buf, sizeof buf));
}

TEST(LogBuffer, SmallReaderBufferTruncatesCopyOnly)
{
    Fixture f(4096);
    f.add("0123456789abcdef");
    LogRecord rec {};
    char buf[5];
    ASSERT_TRUE(f.log.read(0, rec, buf, sizeof buf));
    EXPECT_STREQ(buf, "0123");
    EXPECT_EQ(rec.text_length, 16);
    ASSERT_TRUE(f.log.read(0, rec, nullptr, 0));  // metadata only
    EXPECT_EQ(rec.text_length, 16);
}

TEST(LogBuffer, LongTextTruncatedToMaxText)
{
    Fixture f(16384);
    std::string big(3000, 'q');
    big[LogBuffer::max_text - 1] = 'E';
    f.add(big);
    LogRecord rec {};
    std::string got = f.read(0, rec);
    EXPECT_EQ(rec.text_length, LogBuffer::max_text);
    EXPECT_EQ(got, big.substr(0, LogBuffer::max_text));
}

TEST(LogBuffer, TinyStorageStillWorks)
{
    Fixture f(256);
    EXPECT_LE(f.log.capacity_bytes(), 256u);
    std::string big(1000, 'z');
    for (int i = 0; i < 50; ++i)
        f.add(i % 2 ? big : message(i));
    LogRecord rec {};
    std::string last = f.read(49, rec);
    EXPECT_EQ(rec.seq, 49u);
    EXPECT_GT(rec.text_length, 0);
    EXPECT_EQ(last, std::string(rec.text_length, 'z'));
    EXPECT_LE(f.log.used_bytes(), f.log.capacity_bytes());
}

TEST(LogBuffer, WrapAroundManyRounds)
{
    Fixture f(2048);
    const uint64_t total = 5000;
    for (uint64_t n = 0; n < total; ++n) {
        ASSERT_EQ(f.add(message(n), n % 8, n * 10), n);
        ASSERT_LE(f.log.used_bytes(), f.log.capacity_bytes());
        // Everything still stored reads back intact.
        if (n % 97 == 0) {
            for (uint64_t s = f.log.first_seq(); s <= n; ++s) {
                LogRecord rec {};
                ASSERT_EQ(f.read(s, rec), message(s));
                ASSERT_EQ(rec.seq, s);
                ASSERT_EQ(rec.level, s % 8);
                ASSERT_EQ(rec.timestamp_ns, s * 10);
            }
        }
    }
    EXPECT_EQ(f.log.next_seq(), total);
    EXPECT_GT(f.log.first_seq(), 0u);
    // The buffer keeps as much as fits: more than a handful of records survive.
    EXPECT_GT(f.log.next_seq() - f.log.first_seq(), 10u);
}

TEST(LogBuffer, ReaderFallingBehindSeesGap)
{
    Fixture f(1024);
    uint64_t reader = 0;
    LogRecord rec {};
    EXPECT_EQ(f.read(reader, rec), "<none>");  // nothing written yet
    for (uint64_t n = 0; n < 200; ++n)
        f.add(message(n));
    ASSERT_GT(f.log.first_seq(), 0u);
    std::string text = f.read(reader, rec);
    EXPECT_EQ(rec.seq, f.log.first_seq());  // the oldest survivor, not garbage
    EXPECT_EQ(text, message(rec.seq));
    uint64_t lost = rec.seq - reader;
    EXPECT_GT(lost, 0u);
    // Continue reading to the end without gaps.
    reader = rec.seq + 1;
    while (f.read(reader, rec) != "<none>") {
        EXPECT_EQ(rec.seq, reader);
        ++reader;
    }
    EXPECT_EQ(reader, 200u);
}

TEST(LogBuffer, InterleavedReadingAndWriting)
{
    Fixture f(1536);
    uint64_t reader = 0;
    uint64_t written = 0;
    uint64_t seen = 0;
    uint64_t lost = 0;
    for (int round = 0; round < 400; ++round) {
        int burst = round % 13;  // sometimes more than fits, so the reader loses some
        for (int i = 0; i < burst; ++i, ++written)
            f.add(message(written), 1, written);
        int reads = round % 5;
        for (int i = 0; i < reads; ++i) {
            LogRecord rec {};
            std::string text = f.read(reader, rec);
            if (text == "<none>") {
                EXPECT_EQ(reader, written);
                break;
            }
            ASSERT_GE(rec.seq, reader);
            lost += rec.seq - reader;
            ASSERT_EQ(text, message(rec.seq));
            ASSERT_EQ(rec.timestamp_ns, rec.seq);
            reader = rec.seq + 1;
            ++seen;
        }
    }
    // Drain.
    LogRecord rec {};
    std::string text;
    while ((text = f.read(reader, rec)) != "<none>") {
        lost += rec.seq - reader;
        ASSERT_EQ(text, message(rec.seq));
        reader = rec.seq + 1;
        ++seen;
    }
    EXPECT_EQ(reader, written);
    EXPECT_EQ(seen + lost, written);
    EXPECT_GT(lost, 0u);
    EXPECT_GT(seen, 0u);
}

TEST(LogBuffer, ManyTinyRecordsLimitedByDescriptors)
{
    Fixture f(4096);
    for (uint64_t n = 0; n < 10000; ++n)
        f.add("");
    EXPECT_LE(f.log.next_seq() - f.log.first_seq(), f.log.max_records());
    LogRecord rec {};
    EXPECT_EQ(f.read(0, rec), "");
    EXPECT_EQ(rec.seq, f.log.first_seq());
    EXPECT_EQ(f.read(9999, rec), "");
    EXPECT_EQ(rec.seq, 9999u);
}

TEST(LogBuffer, Clear)
{
    Fixture f(2048);
    for (int n = 0; n < 5; ++n)
        f.add(message(n));
    f.log.clear();
    EXPECT_EQ(f.log.first_seq(), 5u);
    EXPECT_EQ(f.log.next_seq(), 5u);
    EXPECT_EQ(f.log.used_bytes(), 0u);
    LogRecord rec {};
    EXPECT_EQ(f.read(0, rec), "<none>");
    EXPECT_EQ(f.add("after"), 5u);
    EXPECT_EQ(f.read(0, rec), "after");
    EXPECT_EQ(rec.seq, 5u);
    EXPECT_EQ(f.log.first_seq(), 5u);
}
