// mbr_parse (libk/mbr.cpp) as kernel/block/genhd.cpp scans a disk: the input is the
// disk's first sectors. Once at its own size, once as the start of a 2 TiB disk
// whose further sectors cannot be read; every partition must lie on the disk.
#include "fuzz.h"
#include <libk/mbr.h>
#include <string.h>

namespace {

struct Disk {
    const uint8_t* data;
    size_t size;
};

// A sector past the input is a read error; a partial last sector reads as zero-filled.
bool read_sector(void* context, uint64_t lba, uint8_t* buffer)
{
    const auto* disk = static_cast<const Disk*>(context);
    if (lba >= (disk->size + libk::mbr_sector_size - 1) / libk::mbr_sector_size)
        return false;
    size_t offset = lba * libk::mbr_sector_size;
    size_t length = disk->size - offset < libk::mbr_sector_size ? disk->size - offset : libk::mbr_sector_size;
    memset(buffer, 0, libk::mbr_sector_size);
    memcpy(buffer, disk->data + offset, length);
    return true;
}

void scan(Disk& disk, uint64_t disk_sectors, size_t max)
{
    libk::MbrPartition parts[libk::mbr_max_partitions];
    size_t count = libk::mbr_parse(disk_sectors, read_sector, &disk, parts, max);
    FUZZ_CHECK(count <= max);
    for (size_t i = 0; i < count; ++i) {
        const libk::MbrPartition& p = parts[i];
        FUZZ_CHECK(p.start < disk_sectors && p.sectors >= 1 && p.sectors <= disk_sectors - p.start);
        FUZZ_CHECK(p.number >= 1 && p.number <= libk::mbr_max_partitions);
        FUZZ_CHECK(!p.extended || (p.number <= 4 && p.sectors <= 2));
        if (i > 0)
            FUZZ_CHECK(p.number > parts[i - 1].number);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Disk disk { data, size };
    uint64_t sectors = (size + libk::mbr_sector_size - 1) / libk::mbr_sector_size;
    scan(disk, sectors, libk::mbr_max_partitions);
    scan(disk, uint64_t(1) << 32, libk::mbr_max_partitions);
    scan(disk, sectors, size % 6);
    return 0;
}
