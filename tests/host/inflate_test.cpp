// gunzip and inflate (libk/inflate.cpp): zlib's own output at every level and
// strategy decompresses to the original, and malformed input gives the error
// that names what is wrong.
#include <gtest/gtest.h>
#include <libk/inflate.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>
#include <zlib.h>

using libk::InflateError;

namespace {

std::vector<uint8_t> gzip_of(const std::vector<uint8_t>& data, int level, int strategy = Z_DEFAULT_STRATEGY)
{
    z_stream stream {};
    // windowBits 15 + 16: a gzip header and trailer around the deflate data.
    EXPECT_EQ(deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, strategy), Z_OK);
    std::vector<uint8_t> out(deflateBound(&stream, data.size()) + 64);
    stream.next_in = const_cast<uint8_t*>(data.data());
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

struct Result {
    InflateError error;
    size_t consumed, produced;
    std::vector<uint8_t> out;
};

Result gunzip(const std::vector<uint8_t>& in, size_t room)
{
    Result r { InflateError::None, 0, 0, std::vector<uint8_t>(room) };
    r.error = libk::gunzip(in.data(), in.size(), r.out.data(), r.out.size(), &r.consumed, &r.produced);
    r.out.resize(r.produced);
    return r;
}

// Text, a run, random bytes and a machine-code-like mix: every kind of block.
std::vector<uint8_t> sample(size_t size, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<uint8_t> data;
    const std::string words[] = { "kernel ", "module ", "insmod ", "printk(KERN_INFO ", "\n", "return 0;" };
    while (data.size() < size) {
        switch (random() % 4) {
        case 0:
            for (int i = 0; i < 50; ++i) {
                const std::string& w = words[random() % 6];
                data.insert(data.end(), w.begin(), w.end());
            }
            break;
        case 1:
            data.insert(data.end(), random() % 300, static_cast<uint8_t>(random()));
            break;
        case 2:
            for (int i = 0; i < 400; ++i)
                data.push_back(static_cast<uint8_t>(random()));
            break;
        default:
            for (int i = 0; i < 200; ++i)
                data.push_back(static_cast<uint8_t>(random() % 16 == 0 ? random() : 0x89 + random() % 8));
            break;
        }
    }
    data.resize(size);
    return data;
}

} // namespace

TEST(Inflate, Crc32OfTheCheckString)
{
    const char* check = "123456789";
    EXPECT_EQ(libk::crc32(0, reinterpret_cast<const uint8_t*>(check), 9), 0xCBF43926u);
    EXPECT_EQ(libk::crc32(libk::crc32(0, reinterpret_cast<const uint8_t*>(check), 4),
                  reinterpret_cast<const uint8_t*>(check) + 4, 5),
        0xCBF43926u);
}

TEST(Inflate, ZlibAtEveryLevelAndStrategy)
{
    const std::vector<uint8_t> data = sample(300000, 1);
    for (int strategy : { Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED }) {
        for (int level = 0; level <= 9; ++level) {
            SCOPED_TRACE(testing::Message() << "level " << level << " strategy " << strategy);
            std::vector<uint8_t> packed = gzip_of(data, level, strategy);
            Result r = gunzip(packed, data.size());
            ASSERT_EQ(r.error, InflateError::None) << libk::inflate_error_string(r.error);
            EXPECT_EQ(r.consumed, packed.size());
            EXPECT_TRUE(r.out == data);
        }
    }
}

// Stored blocks after compressed ones, which leave the bit reader partway
// into a byte: deflateParams switches zlib to level 0 midway.
TEST(Inflate, StoredBlocksAfterCompressedOnes)
{
    const std::vector<uint8_t> text = sample(100000, 2);
    std::vector<uint8_t> data = text;
    std::mt19937 random(3);
    for (int i = 0; i < 100000; ++i)
        data.push_back(static_cast<uint8_t>(random()));
    data.insert(data.end(), text.begin(), text.begin() + 5000);
    z_stream stream {};
    ASSERT_EQ(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    std::vector<uint8_t> packed(deflateBound(&stream, data.size()) + 4096);
    stream.next_out = packed.data();
    stream.avail_out = static_cast<uInt>(packed.size());
    const size_t parts[] = { 0, text.size(), text.size() + 100000, data.size() };
    const int levels[] = { 9, 0, 9 };
    for (int part = 0; part < 3; ++part) {
        ASSERT_EQ(deflateParams(&stream, levels[part], Z_DEFAULT_STRATEGY), Z_OK);
        stream.next_in = data.data() + parts[part];
        stream.avail_in = static_cast<uInt>(parts[part + 1] - parts[part]);
        ASSERT_EQ(deflate(&stream, part == 2 ? Z_FINISH : Z_NO_FLUSH), part == 2 ? Z_STREAM_END : Z_OK);
    }
    packed.resize(stream.total_out);
    deflateEnd(&stream);
    Result r = gunzip(packed, data.size());
    ASSERT_EQ(r.error, InflateError::None) << libk::inflate_error_string(r.error);
    EXPECT_EQ(r.consumed, packed.size());
    EXPECT_TRUE(r.out == data);
}

TEST(Inflate, EmptyAndOneByteFiles)
{
    for (size_t size : { 0, 1 }) {
        std::vector<uint8_t> data(size, 'x');
        Result r = gunzip(gzip_of(data, 9), 16);
        EXPECT_EQ(r.error, InflateError::None);
        EXPECT_TRUE(r.out == data);
    }
}

TEST(Inflate, HeaderFieldsAreSkipped)
{
    // gzip -N style: FNAME and FCOMMENT, then FEXTRA and FHCRC by hand around zlib's deflate data.
    const std::vector<uint8_t> data = sample(5000, 2);
    std::vector<uint8_t> plain = gzip_of(data, 6);
    std::vector<uint8_t> dressed(plain.begin(), plain.begin() + 10);
    dressed[3] = 4 | 8 | 16 | 2;   // FEXTRA, FNAME, FCOMMENT, FHCRC
    const uint8_t extra[] = { 3, 0, 'a', 'b', 'c' };
    dressed.insert(dressed.end(), extra, extra + sizeof(extra));
    const char fields[] = "initramfs.cpio\0made by hand";
    dressed.insert(dressed.end(), fields, fields + sizeof(fields));
    dressed.push_back(0x12);
    dressed.push_back(0x34);
    dressed.insert(dressed.end(), plain.begin() + 10, plain.end());
    Result r = gunzip(dressed, data.size());
    ASSERT_EQ(r.error, InflateError::None) << libk::inflate_error_string(r.error);
    EXPECT_EQ(r.consumed, dressed.size());
    EXPECT_TRUE(r.out == data);
}

TEST(Inflate, ConcatenatedMembersAreOneAtATime)
{
    std::vector<uint8_t> one = sample(10000, 3), two = sample(7000, 4);
    std::vector<uint8_t> first = gzip_of(one, 9), both = first;
    std::vector<uint8_t> second = gzip_of(two, 1);
    both.insert(both.end(), second.begin(), second.end());
    Result r = gunzip(both, 20000);
    ASSERT_EQ(r.error, InflateError::None);
    EXPECT_EQ(r.consumed, first.size()) << "the next member starts there";
    EXPECT_TRUE(r.out == one);
}

TEST(Inflate, EveryTruncationIsAnError)
{
    const std::vector<uint8_t> data = sample(3000, 5);
    std::vector<uint8_t> packed = gzip_of(data, 9);
    for (size_t cut = 0; cut < packed.size(); ++cut) {
        std::vector<uint8_t> shorter(packed.begin(), packed.begin() + static_cast<long>(cut));
        Result r = gunzip(shorter, data.size());
        EXPECT_NE(r.error, InflateError::None) << "cut at " << cut;
        EXPECT_LE(r.consumed, cut);
    }
}

TEST(Inflate, TrailerMismatchesAreReported)
{
    const std::vector<uint8_t> data = sample(2000, 6);
    std::vector<uint8_t> packed = gzip_of(data, 9);
    std::vector<uint8_t> bad_crc = packed, bad_size = packed;
    bad_crc[packed.size() - 8] ^= 1;
    bad_size[packed.size() - 4] ^= 1;
    EXPECT_EQ(gunzip(bad_crc, data.size()).error, InflateError::BadChecksum);
    EXPECT_EQ(gunzip(bad_size, data.size()).error, InflateError::BadLength);
    EXPECT_EQ(gunzip(packed, data.size() - 1).error, InflateError::OutputFull);
}

TEST(Inflate, MalformedStreams)
{
    EXPECT_EQ(gunzip({ 'h', 'e', 'l', 'l', 'o', 0, 0, 0, 0, 0 }, 16).error, InflateError::NotGzip);
    EXPECT_EQ(gunzip({ 0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 0 }, 16).error, InflateError::NotGzip) << "method 7";
    EXPECT_EQ(gunzip({ 0x1f, 0x8b, 8, 0x20, 0, 0, 0, 0, 0, 0 }, 16).error, InflateError::NotGzip) << "reserved flag";
    struct Raw {
        std::vector<uint8_t> bits;
        InflateError error;
    } cases[] = {
        { { 0x07 }, InflateError::BadBlockType },                              // BFINAL, type 3
        { { 0x01, 0x05, 0x00, 0x00, 0x00 }, InflateError::BadStoredLength },   // LEN 5, NLEN 0
        { { 0x03, 0x02 }, InflateError::DistanceTooFar },                      // fixed: length 3, distance 1, nothing before
        { { 0x03 }, InflateError::Truncated },                                 // fixed block, then nothing
    };
    for (const Raw& c : cases) {
        uint8_t out[16];
        size_t consumed, produced;
        EXPECT_EQ(libk::inflate(c.bits.data(), c.bits.size(), out, sizeof(out), &consumed, &produced), c.error)
            << libk::inflate_error_string(c.error);
    }
}

TEST(Inflate, DynamicBlockWithAnOverfullCode)
{
    // Dynamic block: HLIT 0, HDIST 0, HCLEN 15 (all 19 lengths), every code-length
    // code 1 bit long: 19 codes of one bit cannot be a prefix code.
    std::vector<uint8_t> bits;
    uint64_t buffer = 0;
    unsigned count = 0;
    auto put = [&](unsigned value, unsigned width) {
        buffer |= static_cast<uint64_t>(value) << count;
        count += width;
        while (count >= 8) {
            bits.push_back(static_cast<uint8_t>(buffer));
            buffer >>= 8;
            count -= 8;
        }
    };
    put(1, 1);
    put(2, 2);
    put(0, 5);
    put(0, 5);
    put(15, 4);
    for (int i = 0; i < 19; ++i)
        put(1, 3);
    put(0, 8);
    uint8_t out[16];
    size_t consumed, produced;
    EXPECT_EQ(libk::inflate(bits.data(), bits.size(), out, sizeof(out), &consumed, &produced),
        InflateError::BadCodeLengths);
}
