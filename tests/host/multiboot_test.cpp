// Host tests for the Multiboot2 and Multiboot 1 boot information parsers (libk/multiboot).
#include <gtest/gtest.h>
#include <libk/multiboot.h>
#include <cstring>
#include <string>
#include <vector>

using libk::BootInfo;

namespace {

std::string str(libk::StringView v) { return std::string(v.data(), v.length()); }

// Builds a Multiboot2 information structure: header, 8-aligned tags, end tag.
class Mb2Builder {
public:
    Mb2Builder() { put32(0), put32(0); }
    Mb2Builder& tag(uint32_t type, const std::vector<uint8_t>& payload)
    {
        put32(type);
        put32(static_cast<uint32_t>(8 + payload.size()));
        bytes.insert(bytes.end(), payload.begin(), payload.end());
        while (bytes.size() % 8)
            bytes.push_back(0);
        return *this;
    }
    Mb2Builder& string_tag(uint32_t type, const std::string& s)
    {
        std::vector<uint8_t> p(s.begin(), s.end());
        p.push_back(0);
        return tag(type, p);
    }
    Mb2Builder& module(uint32_t start, uint32_t end, const std::string& s)
    {
        std::vector<uint8_t> p;
        append32(p, start);
        append32(p, end);
        p.insert(p.end(), s.begin(), s.end());
        p.push_back(0);
        return tag(3, p);
    }
    Mb2Builder& meminfo(uint32_t lower, uint32_t upper)
    {
        std::vector<uint8_t> p;
        append32(p, lower);
        append32(p, upper);
        return tag(4, p);
    }
    struct Entry { uint64_t base, length; uint32_t type; };
    Mb2Builder& mmap(const std::vector<Entry>& entries, uint32_t entry_size = 24)
    {
        std::vector<uint8_t> p;
        append32(p, entry_size);
        append32(p, 0);
        for (auto& e : entries) {
            size_t start = p.size();
            append64(p, e.base);
            append64(p, e.length);
            append32(p, e.type);
            p.resize(start + entry_size, 0);
        }
        return tag(6, p);
    }
    // Finishes with an end tag and returns an 8-aligned copy.
    const uint8_t* finish(bool end_tag = true)
    {
        if (end_tag)
            tag(0, {});
        uint32_t size = static_cast<uint32_t>(bytes.size());
        std::memcpy(bytes.data(), &size, 4);
        storage.assign(bytes.size() / 8 + 1, 0);
        std::memcpy(storage.data(), bytes.data(), bytes.size());
        return reinterpret_cast<const uint8_t*>(storage.data());
    }
    size_t size() const { return bytes.size(); }
    std::vector<uint8_t> bytes;
    std::vector<uint64_t> storage;

    static void append32(std::vector<uint8_t>& v, uint32_t x)
    {
        for (int i = 0; i < 4; ++i)
            v.push_back(static_cast<uint8_t>(x >> (8 * i)));
    }
    static void append64(std::vector<uint8_t>& v, uint64_t x)
    {
        append32(v, static_cast<uint32_t>(x));
        append32(v, static_cast<uint32_t>(x >> 32));
    }

private:
    void put32(uint32_t x) { append32(bytes, x); }
};

// Finishes first: finish() adds the end tag, which size() must include.
bool parse(Mb2Builder& b, BootInfo& out)
{
    const uint8_t* info = b.finish();
    return libk::parse_multiboot2(info, b.size(), out);
}

} // namespace

TEST(Multiboot2, FullInfo)
{
    Mb2Builder b;
    b.string_tag(1, "root=/dev/memdrive1 quiet")
        .string_tag(2, "GRUB 2.06")
        .meminfo(639, 130048)
        .tag(8, std::vector<uint8_t>(30, 0xEE))  // framebuffer: skipped
        .mmap({ { 0, 0x9FC00, 1 }, { 0x9FC00, 0x400, 2 }, { 0x100000, 0x7EE0000, 1 }, { 0x7FE0000, 0x20000, 3 } })
        .module(0x200000, 0x280000, "/boot/initramfs.cpio")
        .module(0x280000, 0x281000, "");
    const uint8_t* info = b.finish();
    static BootInfo out;
    ASSERT_TRUE(libk::parse_multiboot2(info, b.size(), out)) << out.error;
    EXPECT_EQ(out.error, nullptr);
    EXPECT_EQ(str(out.cmdline), "root=/dev/memdrive1 quiet");
    EXPECT_EQ(str(out.bootloader_name), "GRUB 2.06");
    EXPECT_TRUE(out.has_basic_meminfo);
    EXPECT_EQ(out.mem_lower_kb, 639u);
    EXPECT_EQ(out.mem_upper_kb, 130048u);
    ASSERT_EQ(out.region_count, 4u);
    EXPECT_EQ(out.regions[0].base, 0u);
    EXPECT_EQ(out.regions[0].length, 0x9FC00u);
    EXPECT_EQ(out.regions[0].type, libk::memory_available);
    EXPECT_EQ(out.regions[2].base, 0x100000u);
    EXPECT_EQ(out.regions[2].length, 0x7EE0000u);
    EXPECT_EQ(out.regions[3].type, libk::memory_acpi_reclaimable);
    ASSERT_EQ(out.module_count, 2u);
    EXPECT_EQ(out.modules[0].start, 0x200000u);
    EXPECT_EQ(out.modules[0].end, 0x280000u);
    EXPECT_EQ(str(out.modules[0].string), "/boot/initramfs.cpio");
    EXPECT_EQ(str(out.modules[1].string), "");
}

TEST(Multiboot2, MinimalAndHighMemory)
{
    Mb2Builder b;
    b.mmap({ { 0x100000000ull, 0x40000000ull, 1 } }, 32);  // larger entries are allowed
    static BootInfo out;
    ASSERT_TRUE(parse(b, out));
    EXPECT_EQ(out.cmdline.length(), 0u);
    EXPECT_FALSE(out.has_basic_meminfo);
    ASSERT_EQ(out.region_count, 1u);
    EXPECT_EQ(out.regions[0].base, 0x100000000ull);
    EXPECT_EQ(out.regions[0].length, 0x40000000ull);
}

TEST(Multiboot2, RegionsFromMeminfoWithoutMmap)
{
    Mb2Builder b;
    b.meminfo(640, 1024);
    static BootInfo out;
    ASSERT_TRUE(parse(b, out));
    ASSERT_EQ(out.region_count, 2u);
    EXPECT_EQ(out.regions[0].length, 640u * 1024);
    EXPECT_EQ(out.regions[1].base, 0x100000u);
    EXPECT_EQ(out.regions[1].length, 1024u * 1024);
}

TEST(Multiboot2, UnterminatedStringStaysInsideTag)
{
    Mb2Builder b;
    b.tag(1, { 'a', 'b', 'c', 'd', 'e' });  // no NUL; padding zeros follow but are not part of the tag
    b.bytes[8 + 8 + 5] = 'X';              // make the padding non-zero too
    static BootInfo out;
    ASSERT_TRUE(parse(b, out));
    EXPECT_EQ(str(out.cmdline), "abcde");
}

TEST(Multiboot2, MissingEndTag)
{
    Mb2Builder b;
    b.string_tag(1, "x");
    static BootInfo out;
    EXPECT_FALSE(libk::parse_multiboot2(b.finish(false), b.size(), out));
    ASSERT_NE(out.error, nullptr);
    EXPECT_EQ(std::string(out.error), "missing end tag");
}

TEST(Multiboot2, TagSizePastEnd)
{
    Mb2Builder b;
    b.string_tag(1, "hello");
    const uint8_t* info = b.finish();
    std::vector<uint64_t> copy(b.storage);
    auto* bytes = reinterpret_cast<uint8_t*>(copy.data());
    uint32_t huge = 0x1000;
    std::memcpy(bytes + 12, &huge, 4);  // first tag's size
    static BootInfo out;
    EXPECT_FALSE(libk::parse_multiboot2(bytes, b.size(), out));
    EXPECT_NE(out.error, nullptr);
    uint32_t tiny = 4;  // smaller than a tag header
    std::memcpy(bytes + 12, &tiny, 4);
    EXPECT_FALSE(libk::parse_multiboot2(bytes, b.size(), out));
    EXPECT_NE(out.error, nullptr);
    // The untouched original still parses.
    EXPECT_TRUE(libk::parse_multiboot2(info, b.size(), out));
}

TEST(Multiboot2, TotalSizeChecks)
{
    Mb2Builder b;
    b.string_tag(1, "hello");
    const uint8_t* info = b.finish();
    static BootInfo out;
    EXPECT_FALSE(libk::parse_multiboot2(info, b.size() - 8, out));  // total_size beyond what may be read
    EXPECT_NE(out.error, nullptr);
    EXPECT_FALSE(libk::parse_multiboot2(info, 4, out));
    EXPECT_FALSE(libk::parse_multiboot2(nullptr, 100, out));
    EXPECT_FALSE(libk::parse_multiboot2(info + 4, b.size(), out));  // misaligned structure
    EXPECT_NE(out.error, nullptr);

    std::vector<uint64_t> copy(b.storage);
    uint32_t small = 8;  // header only, no room for any tag
    std::memcpy(copy.data(), &small, 4);
    EXPECT_FALSE(libk::parse_multiboot2(copy.data(), b.size(), out));
}

TEST(Multiboot2, TruncatedBeforeEndTag)
{
    // total_size stops in the middle of the end tag.
    Mb2Builder b;
    b.string_tag(1, "x");
    b.finish();
    std::vector<uint64_t> copy(b.storage);
    uint32_t cut = static_cast<uint32_t>(b.size() - 4);
    std::memcpy(copy.data(), &cut, 4);
    static BootInfo out;
    EXPECT_FALSE(libk::parse_multiboot2(copy.data(), b.size(), out));
    EXPECT_NE(out.error, nullptr);
}

TEST(Multiboot2, BadMmapEntrySize)
{
    static BootInfo out;
    for (uint32_t entry_size : { 0u, 8u, 20u, 28u }) {
        Mb2Builder b;
        b.mmap({ { 0, 4096, 1 } }, entry_size < 24 ? 24 : entry_size);
        b.finish();
        std::vector<uint64_t> copy(b.storage);
        std::memcpy(reinterpret_cast<uint8_t*>(copy.data()) + 16, &entry_size, 4);
        EXPECT_FALSE(libk::parse_multiboot2(copy.data(), b.size(), out)) << entry_size;
        EXPECT_NE(out.error, nullptr);
    }
}

TEST(Multiboot2, TooManyRegionsCapped)
{
    std::vector<Mb2Builder::Entry> entries;
    for (uint64_t i = 0; i < 100; ++i)
        entries.push_back({ i * 0x1000, 0x1000, 1 });
    Mb2Builder b;
    b.mmap(entries).string_tag(1, "after");
    static BootInfo out;
    EXPECT_FALSE(parse(b, out));
    ASSERT_NE(out.error, nullptr);
    EXPECT_EQ(std::string(out.error), "too many memory regions");
    EXPECT_EQ(out.region_count, 64u);
    EXPECT_EQ(out.regions[63].base, 63u * 0x1000);
    EXPECT_EQ(str(out.cmdline), "after");  // parsing went on after capping
}

TEST(Multiboot2, TooManyModulesCapped)
{
    Mb2Builder b;
    for (uint32_t i = 0; i < 20; ++i)
        b.module(i * 0x1000, i * 0x1000 + 0x800, "m" + std::to_string(i));
    static BootInfo out;
    EXPECT_FALSE(parse(b, out));
    EXPECT_EQ(out.module_count, 16u);
    EXPECT_EQ(str(out.modules[15].string), "m15");
}

TEST(Multiboot2, ShortModuleAndMeminfoTagsRejected)
{
    static BootInfo out;
    {
        Mb2Builder b;
        b.tag(3, { 1, 2, 3, 4 });
        EXPECT_FALSE(parse(b, out));
        EXPECT_NE(out.error, nullptr);
    }
    {
        Mb2Builder b;
        b.tag(4, { 1, 2, 3, 4 });
        EXPECT_FALSE(parse(b, out));
        EXPECT_NE(out.error, nullptr);
    }
    {
        Mb2Builder b;
        b.module(0x5000, 0x4000, "backwards");
        EXPECT_FALSE(parse(b, out));
        EXPECT_EQ(out.module_count, 0u);
    }
}

TEST(Multiboot2, FuzzNeverReadsOutOfBounds)
{
    // Random corruptions of a valid structure: the parser may fail, but ASan must stay quiet.
    Mb2Builder b;
    b.string_tag(1, "console=ttyS0").meminfo(639, 1000).mmap({ { 0, 0x1000, 1 }, { 0x100000, 0x100000, 1 } }).module(1, 2, "m");
    b.finish();
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; ++round) {
        size_t n = b.size();
        auto* copy = static_cast<uint8_t*>(std::aligned_alloc(8, (n + 7) / 8 * 8));
        std::memcpy(copy, b.storage.data(), n);
        for (int k = 0; k < 3; ++k) {
            seed = seed * 1103515245 + 12345;
            copy[(seed >> 8) % n] = static_cast<uint8_t>(seed >> 24);
        }
        static BootInfo out;
        bool ok = libk::parse_multiboot2(copy, n, out);
        EXPECT_EQ(ok, out.error == nullptr);
        EXPECT_LE(out.region_count, 64u);
        std::free(copy);
    }
}

// ---- Multiboot 1 ----

namespace {

// A fake physical memory: [0, size) is readable; everything else is not.
std::vector<uint8_t> g_phys;
const void* map_phys(uint32_t phys, uint32_t length)
{
    if (phys >= g_phys.size() || length > g_phys.size() - phys)
        return nullptr;
    return g_phys.data() + phys;
}

void poke32(uint32_t at, uint32_t v) { std::memcpy(&g_phys[at], &v, 4); }
void poke64(uint32_t at, uint64_t v) { std::memcpy(&g_phys[at], &v, 8); }
void poke_string(uint32_t at, const std::string& s) { std::memcpy(&g_phys[at], s.c_str(), s.size() + 1); }

// Builds an info structure at phys 0x100 with cmdline, name, 2 modules and a 3-entry mmap.
uint8_t* build_mb1()
{
    g_phys.assign(0x4000, 0);
    uint32_t info = 0x100;
    poke32(info + 0, 1 | 4 | 8 | 64 | 512);
    poke32(info + 4, 639);
    poke32(info + 8, 31744);
    poke32(info + 16, 0x1000);
    poke_string(0x1000, "console=ttyS0 init=/bin/sh");
    poke32(info + 64, 0x1100);
    poke_string(0x1100, "qemu");
    poke32(info + 20, 2);
    poke32(info + 24, 0x1200);
    poke32(0x1200, 0x300000);
    poke32(0x1204, 0x340000);
    poke32(0x1208, 0x1300);
    poke_string(0x1300, "initramfs");
    poke32(0x1210, 0x340000);
    poke32(0x1214, 0x341000);
    poke32(0x1218, 0);  // no string
    // mmap at 0x2002: deliberately only 2-aligned; entries of size 20 (+4).
    uint32_t mmap = 0x2002;
    struct E { uint64_t base, length; uint32_t type; } entries[] = {
        { 0, 0x9FC00, 1 }, { 0xF0000, 0x10000, 2 }, { 0x100000, 0x1F00000, 1 } };
    uint32_t at = mmap;
    for (auto& e : entries) {
        poke32(at, 20);
        poke64(at + 4, e.base);
        poke64(at + 12, e.length);
        poke32(at + 20, e.type);
        at += 24;
    }
    poke32(info + 44, at - mmap);
    poke32(info + 48, mmap);
    return &g_phys[info];
}

} // namespace

TEST(Multiboot1, FullInfo)
{
    uint8_t* info = build_mb1();
    static BootInfo out;
    ASSERT_TRUE(libk::parse_multiboot1(info, map_phys, out)) << out.error;
    EXPECT_EQ(str(out.cmdline), "console=ttyS0 init=/bin/sh");
    EXPECT_EQ(str(out.bootloader_name), "qemu");
    EXPECT_TRUE(out.has_basic_meminfo);
    EXPECT_EQ(out.mem_lower_kb, 639u);
    EXPECT_EQ(out.mem_upper_kb, 31744u);
    ASSERT_EQ(out.module_count, 2u);
    EXPECT_EQ(out.modules[0].start, 0x300000u);
    EXPECT_EQ(out.modules[0].end, 0x340000u);
    EXPECT_EQ(str(out.modules[0].string), "initramfs");
    EXPECT_EQ(str(out.modules[1].string), "");
    ASSERT_EQ(out.region_count, 3u);
    EXPECT_EQ(out.regions[1].base, 0xF0000u);
    EXPECT_EQ(out.regions[1].type, 2u);
    EXPECT_EQ(out.regions[2].base, 0x100000u);
    EXPECT_EQ(out.regions[2].length, 0x1F00000u);
}

TEST(Multiboot1, FlagsSelectFields)
{
    uint8_t* info = build_mb1();
    poke32(0x100, 1);  // only mem_*: the rest is garbage that must not be read
    poke32(0x100 + 16, 0xDEADBEEF);
    static BootInfo out;
    ASSERT_TRUE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.cmdline.length(), 0u);
    EXPECT_EQ(out.module_count, 0u);
    ASSERT_EQ(out.region_count, 2u);  // synthesised from mem_lower / mem_upper
    EXPECT_EQ(out.regions[1].base, 0x100000u);
    EXPECT_EQ(out.regions[1].length, 31744u * 1024);
}

TEST(Multiboot1, UnreadablePointers)
{
    static BootInfo out;
    uint8_t* info = build_mb1();
    poke32(0x100 + 16, 0x10000000);  // cmdline outside readable memory
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_NE(out.error, nullptr);
    EXPECT_EQ(out.region_count, 3u);  // the rest still parsed

    info = build_mb1();
    std::memset(&g_phys[0x1000], 'a', g_phys.size() - 0x1000);  // cmdline never terminates
    poke32(0x100 + 44, 0);  // (the mmap was overwritten too)
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));

    info = build_mb1();
    poke32(0x100 + 24, 0x3FF8);  // module list runs off the end
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.module_count, 0u);

    info = build_mb1();
    poke32(0x100 + 20, 1000000);  // absurd module count
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));

    info = build_mb1();
    poke32(0x100 + 48, 0x3FF0);  // mmap runs off the end
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.region_count, 0u);

    EXPECT_FALSE(libk::parse_multiboot1(nullptr, map_phys, out));
    EXPECT_FALSE(libk::parse_multiboot1(info, nullptr, out));
}

TEST(Multiboot1, MalformedMmapEntries)
{
    static BootInfo out;
    uint8_t* info = build_mb1();
    poke32(0x2002 + 24, 4000);  // second entry's size runs past mmap_length
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.region_count, 1u);

    info = build_mb1();
    poke32(0x2002, 8);  // too small to hold base/length/type
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.region_count, 0u);

    info = build_mb1();
    poke32(0x100 + 44, 24 + 10);  // length ends inside the second entry
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.region_count, 1u);

    info = build_mb1();
    poke32(0x2002 + 24, 28);  // a larger entry (extra fields) is skipped correctly
    poke32(0x100 + 44, 24 + 32 + 24);
    // move the third entry 8 bytes on
    std::memmove(&g_phys[0x2002 + 56], &g_phys[0x2002 + 48], 24);
    ASSERT_TRUE(libk::parse_multiboot1(info, map_phys, out)) << out.error;
    ASSERT_EQ(out.region_count, 3u);
    EXPECT_EQ(out.regions[2].base, 0x100000u);
}

TEST(Multiboot1, TooManyRegionsCapped)
{
    static BootInfo out;
    uint8_t* info = build_mb1();
    uint32_t at = 0x2000;
    for (int i = 0; i < 100; ++i, at += 24) {
        poke32(at, 20);
        poke64(at + 4, uint64_t(i) << 20);
        poke64(at + 12, 1 << 20);
        poke32(at + 20, 1);
    }
    poke32(0x100 + 44, at - 0x2000);
    poke32(0x100 + 48, 0x2000);
    EXPECT_FALSE(libk::parse_multiboot1(info, map_phys, out));
    EXPECT_EQ(out.region_count, 64u);
    EXPECT_EQ(out.regions[63].base, 63u << 20);
    EXPECT_EQ(str(out.cmdline), "console=ttyS0 init=/bin/sh");
}
