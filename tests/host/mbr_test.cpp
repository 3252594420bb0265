// Host tests of the MBR parser: primaries, the extended/logical chain, and
// malformed tables (bad signature, past the end, loops).
#include <gtest/gtest.h>
#include <libk/mbr.h>
#include <vector>

namespace {

struct Disk {
    std::vector<uint8_t> bytes;
    explicit Disk(uint64_t sectors) : bytes(sectors * 512, 0) { }
    uint64_t sectors() const { return bytes.size() / 512; }
    uint8_t* sector(uint64_t lba) { return bytes.data() + lba * 512; }
    void entry(uint64_t lba, unsigned slot, uint8_t type, uint32_t start, uint32_t count, bool boot = false)
    {
        libk::mbr_encode_entry(sector(lba) + 446 + slot * 16, type, boot, start, count);
        sector(lba)[510] = 0x55;
        sector(lba)[511] = 0xAA;
    }
};

bool read_disk(void* context, uint64_t lba, uint8_t* buffer)
{
    auto* disk = static_cast<Disk*>(context);
    if (lba >= disk->sectors())
        return false;
    std::copy_n(disk->sector(lba), 512, buffer);
    return true;
}

std::vector<libk::MbrPartition> parse(Disk& disk)
{
    std::vector<libk::MbrPartition> out(libk::mbr_max_partitions);
    size_t n = libk::mbr_parse(disk.sectors(), read_disk, &disk, out.data(), out.size());
    out.resize(n);
    return out;
}

} // namespace

TEST(Mbr, OnePrimaryCoveringTheDisk)
{
    Disk disk(10240);
    disk.entry(0, 0, 0x83, 2048, 10240 - 2048, true);
    auto parts = parse(disk);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].number, 1u);
    EXPECT_EQ(parts[0].type, 0x83);
    EXPECT_TRUE(parts[0].bootable);
    EXPECT_FALSE(parts[0].extended);
    EXPECT_EQ(parts[0].start, 2048u);
    EXPECT_EQ(parts[0].sectors, 8192u);
}

TEST(Mbr, SlotsKeepTheirNumbers)
{
    Disk disk(4096);
    disk.entry(0, 0, 0x83, 100, 100);
    disk.entry(0, 2, 0x82, 300, 100);
    auto parts = parse(disk);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].number, 1u);
    EXPECT_EQ(parts[1].number, 3u);
    EXPECT_EQ(parts[1].type, 0x82);
}

TEST(Mbr, BadSignatureGivesNothing)
{
    Disk disk(4096);
    disk.entry(0, 0, 0x83, 100, 100);
    disk.sector(0)[511] = 0;
    EXPECT_TRUE(parse(disk).empty());
}

TEST(Mbr, EmptyDiskGivesNothing)
{
    Disk disk(64);
    EXPECT_TRUE(parse(disk).empty());
}

TEST(Mbr, PastTheEndIgnoredOrClipped)
{
    Disk disk(1000);
    disk.entry(0, 0, 0x83, 100, 5000);    // runs past the end: clipped
    disk.entry(0, 1, 0x83, 2000, 100);    // starts past the end: dropped
    auto parts = parse(disk);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].number, 1u);
    EXPECT_EQ(parts[0].sectors, 900u);
}

TEST(Mbr, ExtendedWithLogicalChain)
{
    for (uint8_t ext_type : { 0x05, 0x0f, 0x85 }) {
        Disk disk(20000);
        disk.entry(0, 0, 0x83, 63, 937);
        disk.entry(0, 1, ext_type, 1000, 9000);
        // EBR 1 at 1000: data at +63, link to the EBR at extended start + 3000.
        disk.entry(1000, 0, 0x83, 63, 1937);
        disk.entry(1000, 1, 0x05, 3000, 2000);
        // EBR 2 at 4000: data at +63, end of chain.
        disk.entry(4000, 0, 0x82, 63, 1000);
        auto parts = parse(disk);
        ASSERT_EQ(parts.size(), 4u) << int(ext_type);
        EXPECT_EQ(parts[0].number, 1u);
        EXPECT_EQ(parts[1].number, 2u);
        EXPECT_TRUE(parts[1].extended);
        EXPECT_EQ(parts[1].start, 1000u);
        EXPECT_EQ(parts[1].sectors, 2u);   // as Linux exposes the container
        EXPECT_EQ(parts[2].number, 5u);
        EXPECT_EQ(parts[2].start, 1063u);
        EXPECT_EQ(parts[2].sectors, 1937u);
        EXPECT_EQ(parts[3].number, 6u);
        EXPECT_EQ(parts[3].start, 4063u);
        EXPECT_EQ(parts[3].type, 0x82);
    }
}

TEST(Mbr, LoopInTheChainStops)
{
    Disk disk(20000);
    disk.entry(0, 0, 0x05, 1000, 9000);
    disk.entry(1000, 0, 0x83, 63, 100);
    disk.entry(1000, 1, 0x05, 2000, 100);
    disk.entry(3000, 0, 0x83, 63, 100);
    disk.entry(3000, 1, 0x05, 0, 100);   // back to the first EBR
    auto parts = parse(disk);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[1].number, 5u);
    EXPECT_EQ(parts[2].number, 6u);
}

TEST(Mbr, SelfLinkStops)
{
    Disk disk(20000);
    disk.entry(0, 0, 0x0f, 1000, 9000);
    disk.entry(1000, 0, 0x83, 63, 100);
    disk.entry(1000, 1, 0x05, 0, 100);
    EXPECT_EQ(parse(disk).size(), 2u);
}

TEST(Mbr, ChainPastTheDiskEndStops)
{
    Disk disk(2000);
    disk.entry(0, 0, 0x05, 1000, 1000);
    disk.entry(1000, 0, 0x83, 63, 100);
    disk.entry(1000, 1, 0x05, 50000, 100);
    EXPECT_EQ(parse(disk).size(), 2u);
}

TEST(Mbr, OutputLimitRespected)
{
    Disk disk(20000);
    disk.entry(0, 0, 0x83, 100, 100);
    disk.entry(0, 1, 0x83, 200, 100);
    disk.entry(0, 2, 0x83, 300, 100);
    libk::MbrPartition out[2];
    EXPECT_EQ(libk::mbr_parse(disk.sectors(), read_disk, &disk, out, 2), 2u);
}
