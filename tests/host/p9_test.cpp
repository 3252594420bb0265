// 9P2000.L message encoding and decoding (libk/p9): the bytes each T-message
// puts on the wire, and that no malformed R-message is read past its end.
#include <gtest/gtest.h>
#include <libk/p9.h>
#include <libk/virtio_ring.h>

#include <cstring>
#include <vector>

namespace p9 = libk::p9;
using Bytes = std::vector<uint8_t>;

namespace {

struct Builder {
    Bytes bytes;
    Builder& u8(uint8_t v) { bytes.push_back(v); return *this; }
    Builder& u16(uint16_t v) { return u8(v & 0xff).u8(v >> 8); }
    Builder& u32(uint32_t v) { return u16(v & 0xffff).u16(v >> 16); }
    Builder& u64(uint64_t v) { return u32(static_cast<uint32_t>(v)).u32(static_cast<uint32_t>(v >> 32)); }
    Builder& str(const char* s) { u16(static_cast<uint16_t>(strlen(s))); bytes.insert(bytes.end(), s, s + strlen(s)); return *this; }
    Builder& qid(uint8_t type, uint32_t version, uint64_t path) { return u8(type).u32(version).u64(path); }
};

// A whole R-message: size[4] type[1] tag[2] body.
Bytes message(uint8_t type, uint16_t tag, const Bytes& body)
{
    Builder b;
    b.u32(static_cast<uint32_t>(7 + body.size())).u8(type).u16(tag);
    b.bytes.insert(b.bytes.end(), body.begin(), body.end());
    return b.bytes;
}

} // namespace

TEST(P9, TversionBytes)
{
    uint8_t buffer[64];
    p9::Writer w(buffer, sizeof buffer);
    size_t n = p9::tversion(w, 524288, "9P2000.L");
    Bytes expected = Builder().u32(21).u8(100).u16(0xffff).u32(524288).str("9P2000.L").bytes;
    ASSERT_EQ(n, expected.size());
    EXPECT_EQ(Bytes(buffer, buffer + n), expected);
}

TEST(P9, TwalkWithNamesAndClone)
{
    uint8_t buffer[128];
    p9::Writer w(buffer, sizeof buffer);
    libk::StringView names[2] = { "a", "bc" };
    size_t n = p9::twalk(w, 1, 10, 11, names, 2);
    Bytes expected = Builder().u32(7 + 4 + 4 + 2 + 3 + 4).u8(110).u16(1).u32(10).u32(11).u16(2).str("a").str("bc").bytes;
    ASSERT_EQ(n, expected.size());
    EXPECT_EQ(Bytes(buffer, buffer + n), expected);
    n = p9::twalk(w, 1, 10, 12, nullptr, 0);
    EXPECT_EQ(n, 17u);
    libk::StringView many[17];
    EXPECT_EQ(p9::twalk(w, 1, 10, 12, many, 17), 0u) << "more than MAXWELEM names";
}

TEST(P9, TwriteReservesData)
{
    uint8_t buffer[64];
    p9::Writer w(buffer, sizeof buffer);
    uint8_t* data = nullptr;
    size_t n = p9::twrite(w, 1, 5, 0x100000000ull, 4, &data);
    ASSERT_EQ(n, 23u + 4);
    ASSERT_EQ(data, buffer + 23);
    EXPECT_EQ(buffer[4], 118);
    EXPECT_EQ(buffer[11 + 4], 1) << "offset high word";
    EXPECT_EQ(p9::twrite(w, 1, 5, 0, 64, &data), 0u) << "data past the buffer";
    EXPECT_EQ(data, nullptr);
}

TEST(P9, WriterOverflowGivesZero)
{
    uint8_t buffer[10];
    p9::Writer w(buffer, sizeof buffer);
    EXPECT_EQ(p9::tversion(w, 8192, "9P2000.L"), 0u);
    EXPECT_TRUE(w.overflowed());
    EXPECT_EQ(p9::tclunk(w, 1, 3), 0u) << "11 bytes do not fit in 10";
    uint8_t big[11];
    p9::Writer fits(big, sizeof big);
    EXPECT_EQ(p9::tclunk(fits, 1, 3), 11u);
}

TEST(P9, TsetattrLayout)
{
    uint8_t buffer[128];
    p9::Writer w(buffer, sizeof buffer);
    p9::SetAttr attr {};
    attr.valid = p9::SETATTR_SIZE;
    attr.size = 42;
    EXPECT_EQ(p9::tsetattr(w, 1, 2, attr), 7u + 4 + 4 * 4 + 8 * 5);
}

TEST(P9, ReplyOk)
{
    Bytes reply = message(p9::Rversion, 0xffff, Builder().u32(8192).str("9P2000.L").bytes);
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Tversion, 0xffff);
    ASSERT_EQ(r.error, 0);
    uint32_t msize;
    libk::StringView version;
    ASSERT_TRUE(p9::rversion(r.body, msize, version));
    EXPECT_EQ(msize, 8192u);
    EXPECT_TRUE(version == libk::StringView("9P2000.L"));
}

TEST(P9, RlerrorIsTheServersErrno)
{
    Bytes reply = message(p9::Rlerror, 1, Builder().u32(39).bytes);   // ENOTEMPTY
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Tunlinkat, 1);
    EXPECT_EQ(r.error, 39);
    EXPECT_EQ(r.problem, nullptr);
    Bytes zero = message(p9::Rlerror, 1, Builder().u32(0).bytes);
    EXPECT_EQ(p9::parse_reply(zero.data(), zero.size(), p9::Tunlinkat, 1).error, 5) << "errno 0 is malformed";
    Bytes shortened = message(p9::Rlerror, 1, Builder().u16(2).bytes);
    EXPECT_EQ(p9::parse_reply(shortened.data(), shortened.size(), p9::Tunlinkat, 1).error, 5);
}

TEST(P9, MalformedHeadersAreEio)
{
    Bytes good = message(p9::Rclunk, 1, {});
    // Shorter than a header.
    p9::Reply r = p9::parse_reply(good.data(), 6, p9::Tclunk, 1);
    EXPECT_EQ(r.error, 5);
    EXPECT_NE(r.problem, nullptr);
    // size field larger than what arrived.
    Bytes lying = good;
    lying[0] = 200;
    EXPECT_EQ(p9::parse_reply(lying.data(), lying.size(), p9::Tclunk, 1).error, 5);
    // size field below the header size.
    Bytes tiny = good;
    tiny[0] = 3;
    EXPECT_EQ(p9::parse_reply(tiny.data(), tiny.size(), p9::Tclunk, 1).error, 5);
    // Wrong tag, wrong type.
    EXPECT_EQ(p9::parse_reply(good.data(), good.size(), p9::Tclunk, 2).error, 5);
    EXPECT_EQ(p9::parse_reply(good.data(), good.size(), p9::Twalk, 1).error, 5);
    EXPECT_EQ(p9::parse_reply(good.data(), good.size(), p9::Tclunk, 1).error, 0);
}

TEST(P9, RreadCountBeyondTheReplyFails)
{
    // count says 100, only 4 bytes follow: must fail, not read on.
    Bytes reply = message(p9::Rread, 1, Builder().u32(100).u32(0xdeadbeef).bytes);
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Tread, 1);
    ASSERT_EQ(r.error, 0);
    const uint8_t* data;
    uint32_t count;
    EXPECT_FALSE(p9::rread(r.body, 1000, data, count));
    // count larger than asked for.
    Bytes more = message(p9::Rread, 1, Builder().u32(4).u32(0).bytes);
    r = p9::parse_reply(more.data(), more.size(), p9::Tread, 1);
    EXPECT_FALSE(p9::rread(r.body, 2, data, count));
    r = p9::parse_reply(more.data(), more.size(), p9::Tread, 1);
    ASSERT_TRUE(p9::rread(r.body, 4, data, count));
    EXPECT_EQ(count, 4u);
    EXPECT_EQ(data, more.data() + 11);
}

TEST(P9, RwalkMoreQidsThanAskedFails)
{
    Bytes reply = message(p9::Rwalk, 1, Builder().u16(2).qid(0, 0, 1).qid(0, 0, 2).bytes);
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Twalk, 1);
    p9::Qid qids[1];
    uint16_t count;
    EXPECT_FALSE(p9::rwalk(r.body, qids, 1, count));
    Bytes truncated = message(p9::Rwalk, 1, Builder().u16(1).u32(0).bytes);
    r = p9::parse_reply(truncated.data(), truncated.size(), p9::Twalk, 1);
    EXPECT_FALSE(p9::rwalk(r.body, qids, 1, count));
}

TEST(P9, RgetattrShortFailsFullParses)
{
    Builder body;
    body.u64(0x7ff).qid(0x80, 1, 0x1234567890ull).u32(040755).u32(1000).u32(100).u64(2).u64(0).u64(4096)
        .u64(4096).u64(8);
    for (int i = 0; i < 10; ++i)
        body.u64(i);
    Bytes reply = message(p9::Rgetattr, 1, body.bytes);
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Tgetattr, 1);
    p9::Attr attr;
    ASSERT_TRUE(p9::rgetattr(r.body, attr));
    EXPECT_EQ(attr.mode, 040755u);
    EXPECT_EQ(attr.qid.path, 0x1234567890ull);
    EXPECT_EQ(attr.size, 4096u);
    EXPECT_EQ(attr.data_version, 9u);
    for (size_t cut = 0; cut < body.bytes.size(); cut += 7) {
        Bytes partial(body.bytes.begin(), body.bytes.begin() + static_cast<long>(cut));
        Bytes m = message(p9::Rgetattr, 1, partial);
        p9::Reply pr = p9::parse_reply(m.data(), m.size(), p9::Tgetattr, 1);
        EXPECT_FALSE(p9::rgetattr(pr.body, attr)) << "cut at " << cut;
    }
}

TEST(P9, ReaddirEntriesAndTruncation)
{
    Builder entries;
    entries.qid(0x80, 0, 7).u64(1).u8(4).str(".");
    entries.qid(0, 0, 8).u64(2).u8(8).str("hello.c");
    Bytes reply = message(p9::Rreaddir, 1, Builder().u32(static_cast<uint32_t>(entries.bytes.size())).bytes);
    reply.insert(reply.end(), entries.bytes.begin(), entries.bytes.end());
    reply[0] = static_cast<uint8_t>(reply.size());
    p9::Reply r = p9::parse_reply(reply.data(), reply.size(), p9::Treaddir, 1);
    ASSERT_EQ(r.error, 0);
    p9::Reader list;
    ASSERT_TRUE(p9::rreaddir(r.body, 1000, list));
    p9::DirEntry e;
    bool bad;
    ASSERT_TRUE(p9::next_dirent(list, e, bad));
    EXPECT_TRUE(e.name == libk::StringView("."));
    ASSERT_TRUE(p9::next_dirent(list, e, bad));
    EXPECT_TRUE(e.name == libk::StringView("hello.c"));
    EXPECT_EQ(e.offset, 2u);
    EXPECT_EQ(e.type, 8);
    EXPECT_FALSE(p9::next_dirent(list, e, bad));
    EXPECT_FALSE(bad);

    // The second entry's name runs past the data: an error, not an overrun.
    Bytes data(entries.bytes.begin(), entries.bytes.end() - 3);
    p9::Reader cut(data.data(), data.size());
    ASSERT_TRUE(p9::next_dirent(cut, e, bad));
    EXPECT_FALSE(p9::next_dirent(cut, e, bad));
    EXPECT_TRUE(bad);
    // A count beyond the reply.
    Bytes lying = message(p9::Rreaddir, 1, Builder().u32(500).u32(0).bytes);
    r = p9::parse_reply(lying.data(), lying.size(), p9::Treaddir, 1);
    EXPECT_FALSE(p9::rreaddir(r.body, 1000, list));
}

TEST(P9, ReaderStaysFailedAfterAnOverrun)
{
    uint8_t bytes[3] = { 1, 2, 3 };
    p9::Reader r(bytes, sizeof bytes);
    uint32_t v;
    uint8_t b;
    EXPECT_FALSE(r.u32(v));
    EXPECT_FALSE(r.u8(b)) << "a failed reader never reads on";
    libk::StringView s;
    uint8_t str[4] = { 10, 0, 'a', 'b' };
    p9::Reader rs(str, sizeof str);
    EXPECT_FALSE(rs.string(s));
}

// Every truncation of a valid reply, for every R-message parser: never a read
// outside the message (AddressSanitizer watches the heap copy).
TEST(P9, EveryTruncationIsSafe)
{
    Builder body;
    for (int i = 0; i < 40; ++i)
        body.u64(0x0101010101010101ull * static_cast<uint64_t>(i));
    for (size_t cut = 0; cut <= body.bytes.size(); ++cut) {
        Bytes m = message(p9::Rgetattr, 1, Bytes(body.bytes.begin(), body.bytes.begin() + static_cast<long>(cut)));
        auto* heap = new uint8_t[m.size()];
        memcpy(heap, m.data(), m.size());
        for (uint8_t type : { p9::Tversion, p9::Tattach, p9::Twalk, p9::Tlopen, p9::Tread, p9::Twrite, p9::Tgetattr,
                 p9::Tstatfs, p9::Treadlink, p9::Treaddir }) {
            heap[4] = static_cast<uint8_t>(type + 1);
            p9::Reply r = p9::parse_reply(heap, m.size(), type, 1);
            if (r.error)
                continue;
            p9::Reader b = r.body;
            uint32_t u;
            libk::StringView s;
            p9::Qid q[16];
            uint16_t n;
            const uint8_t* d;
            p9::Attr a;
            p9::StatFs st;
            p9::Reader list;
            p9::DirEntry e;
            bool bad;
            switch (type) {
            case p9::Tversion: (void)p9::rversion(b, u, s); break;
            case p9::Tattach: (void)p9::rqid(b, q[0]); break;
            case p9::Twalk: (void)p9::rwalk(b, q, 16, n); break;
            case p9::Tlopen: (void)p9::rlopen(b, q[0], u); break;
            case p9::Tread: (void)p9::rread(b, 0xffffffff, d, u); break;
            case p9::Twrite: (void)p9::rwrite(b, 0xffffffff, u); break;
            case p9::Tgetattr: (void)p9::rgetattr(b, a); break;
            case p9::Tstatfs: (void)p9::rstatfs(b, st); break;
            case p9::Treadlink: (void)p9::rreadlink(b, s); break;
            case p9::Treaddir:
                if (p9::rreaddir(b, 0xffffffff, list))
                    while (p9::next_dirent(list, e, bad)) { }
                break;
            }
        }
        delete[] heap;
    }
}

// ---- the split virtqueue layout and index arithmetic (libk/virtio_ring.h) ----

TEST(VirtioRing, LegacyLayoutOf128)
{
    constexpr auto layout = libk::virtio::legacy_layout(128);
    EXPECT_EQ(layout.desc_offset, 0u);
    EXPECT_EQ(layout.avail_offset, 2048u);            // 16 bytes x 128
    EXPECT_EQ(layout.used_offset, 4096u);             // 2048 + 6 + 256 rounded up to the page
    EXPECT_EQ(layout.total, 8192u);                   // used ring: 6 + 8 x 128 = 1030 bytes
    constexpr auto big = libk::virtio::legacy_layout(256);
    EXPECT_EQ(big.used_offset, 8192u);                // 4096 + 6 + 512
    EXPECT_EQ(big.total, 12288u);                     // + 6 + 2048
}

TEST(VirtioRing, QueueSizesAndIndices)
{
    using namespace libk::virtio;
    EXPECT_TRUE(valid_queue_size(128));
    EXPECT_FALSE(valid_queue_size(0));
    EXPECT_FALSE(valid_queue_size(100));
    EXPECT_FALSE(valid_queue_size(65536));
    EXPECT_EQ(ring_slot(130, 128), 2);
    EXPECT_EQ(ring_slot(65535, 128), 127);
    EXPECT_EQ(used_pending(3, 65534), 5) << "the 16-bit indices wrap";
    EXPECT_EQ(used_pending(7, 7), 0);
}

// ---- PCI capability list walking (libk/pci_caps.h) ----
#include <libk/pci_caps.h>

TEST(PciCaps, FindsVendorCapabilitiesInOrder)
{
    uint8_t config[256] = {};
    config[0x06] = 0x10;   // status: capability list
    config[0x34] = 0x84;
    config[0x84] = 0x11; config[0x85] = 0x70;   // MSI-X
    config[0x70] = 0x09; config[0x71] = 0x60;   // vendor (virtio common cfg)
    config[0x60] = 0x09; config[0x61] = 0x00;   // vendor (virtio notify), end
    EXPECT_EQ(libk::pci::find_capability(config, 0x11), 0x84);
    EXPECT_EQ(libk::pci::find_capability(config, 0x09), 0x70);
    EXPECT_EQ(libk::pci::find_capability(config, 0x09, 0x70), 0x60);
    EXPECT_EQ(libk::pci::find_capability(config, 0x09, 0x60), 0);
    EXPECT_EQ(libk::pci::find_capability(config, 0x05), 0);
    config[0x06] = 0;
    EXPECT_EQ(libk::pci::find_capability(config, 0x11), 0) << "no list without the status bit";
}

TEST(PciCaps, LoopsAndWildPointersEnd)
{
    uint8_t config[256] = {};
    config[0x06] = 0x10;
    config[0x34] = 0x40;
    config[0x40] = 0x01; config[0x41] = 0x40;   // points at itself
    EXPECT_EQ(libk::pci::find_capability(config, 0x09), 0);
    config[0x41] = 0x13;                         // into the header (masked to 0x10 < 0x40)
    EXPECT_EQ(libk::pci::find_capability(config, 0x09), 0);
    config[0x41] = 0xff;                         // 0xfc: the last dword, id and next in range
    config[0xfc] = 0x09;
    EXPECT_EQ(libk::pci::find_capability(config, 0x09), 0xfc);
}

// Found by tests/fuzz/host/fuzz_pci_caps: in a list that loops, virtio_pci's
// "continue after the last one" walk got 0x40, 0x44, 0x40, ... forever.
TEST(PciCaps, IteratingALoopEnds)
{
    uint8_t config[256] = {};
    config[0x06] = 0x10;
    config[0x34] = 0x40;
    config[0x40] = 0x09; config[0x41] = 0x44;
    config[0x44] = 0x09; config[0x45] = 0x40;   // back to the first
    std::vector<uint8_t> found;
    for (uint8_t cap = libk::pci::find_capability(config, 0x09); cap && found.size() < 10;
         cap = libk::pci::find_capability(config, 0x09, cap))
        found.push_back(cap);
    EXPECT_EQ(found, (std::vector<uint8_t> { 0x40, 0x44 }));
}
