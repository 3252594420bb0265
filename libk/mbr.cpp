// MBR partition table parser (primary entries, extended/logical chain); no
// hardware access, so the host tests exercise it with in-memory disks.
#include <libk/mbr.h>

namespace libk {

namespace {

constexpr size_t table_offset = 446;
constexpr size_t entry_size = 16;
constexpr unsigned max_ebrs = 64;

uint32_t load_le32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16
        | static_cast<uint32_t>(p[3]) << 24;
}

bool has_signature(const uint8_t* sector) { return sector[510] == 0x55 && sector[511] == 0xAA; }

struct RawEntry {
    uint8_t status;
    uint8_t type;
    uint32_t start;     // relative LBA as stored
    uint32_t sectors;
};

RawEntry entry_at(const uint8_t* sector, unsigned index)
{
    const uint8_t* e = sector + table_offset + index * entry_size;
    return RawEntry { e[0], e[4], load_le32(e + 8), load_le32(e + 12) };
}

// Adds a partition, dropping it if it starts past the disk and clipping its end.
void add(MbrPartition* out, size_t max, size_t& count, uint64_t disk_sectors, unsigned number, const RawEntry& raw,
    uint64_t start, bool extended)
{
    if (count >= max || raw.sectors == 0 || start >= disk_sectors)
        return;
    uint64_t sectors = raw.sectors;
    if (start + sectors > disk_sectors)
        sectors = disk_sectors - start;
    if (extended && sectors > 2)
        sectors = 2;   // Linux: the container is exposed as 1 KiB so it cannot be overwritten by accident
    out[count++] = MbrPartition { number, raw.type, raw.status == 0x80, extended, start, sectors };
}

// Walks the EBR chain of the extended partition at `ext_start`.
void parse_logical(uint64_t disk_sectors, MbrReadSector read, void* context, uint64_t ext_start, uint64_t ext_end,
    MbrPartition* out, size_t max, size_t& count)
{
    uint8_t sector[mbr_sector_size];
    uint64_t visited[max_ebrs];
    unsigned visited_count = 0;
    unsigned number = 5;
    uint64_t ebr = ext_start;
    while (visited_count < max_ebrs && count < max && number < 5 + mbr_max_partitions - 4) {
        for (unsigned i = 0; i < visited_count; ++i)
            if (visited[i] == ebr)
                return;   // a loop in the chain
        visited[visited_count++] = ebr;
        if (ebr >= disk_sectors || !read(context, ebr, sector) || !has_signature(sector))
            return;
        uint64_t next = 0;
        bool data_found = false;
        for (unsigned i = 0; i < 4; ++i) {
            RawEntry raw = entry_at(sector, i);
            if (raw.type == 0 || raw.sectors == 0)
                continue;
            if (mbr_is_extended(raw.type)) {
                if (!next)
                    next = ext_start + raw.start;   // links are relative to the outer extended partition
            } else if (!data_found) {
                data_found = true;
                uint64_t start = ebr + raw.start;   // the data entry is relative to this EBR
                if (start < ext_end)
                    add(out, max, count, disk_sectors, number, raw, start, false);
                ++number;
            }
        }
        if (!next)
            return;
        ebr = next;
    }
}

} // namespace

size_t mbr_parse(uint64_t disk_sectors, MbrReadSector read, void* context, MbrPartition* out, size_t max)
{
    uint8_t sector[mbr_sector_size];
    if (disk_sectors == 0 || !read(context, 0, sector) || !has_signature(sector))
        return 0;
    RawEntry entries[4];
    for (unsigned i = 0; i < 4; ++i)
        entries[i] = entry_at(sector, i);
    size_t count = 0;
    int extended_slot = -1;
    for (unsigned i = 0; i < 4; ++i) {
        const RawEntry& raw = entries[i];
        if (raw.type == 0 || raw.sectors == 0)
            continue;
        bool extended = mbr_is_extended(raw.type);
        add(out, max, count, disk_sectors, i + 1, raw, raw.start, extended);
        if (extended && extended_slot < 0)
            extended_slot = static_cast<int>(i);
    }
    if (extended_slot >= 0) {
        const RawEntry& ext = entries[extended_slot];
        uint64_t end = static_cast<uint64_t>(ext.start) + ext.sectors;
        if (ext.start < disk_sectors)
            parse_logical(disk_sectors, read, context, ext.start, end, out, max, count);
    }
    return count;
}

void mbr_encode_entry(uint8_t* entry, uint8_t type, bool bootable, uint32_t start, uint32_t sectors)
{
    for (unsigned i = 0; i < entry_size; ++i)
        entry[i] = 0;
    entry[0] = bootable ? 0x80 : 0x00;
    // CHS fields: "beyond 1024 cylinders" marker, as fdisk writes for LBA disks.
    entry[1] = entry[5] = 0xfe;
    entry[2] = entry[6] = 0xff;
    entry[3] = entry[7] = 0xff;
    entry[4] = type;
    for (unsigned i = 0; i < 4; ++i) {
        entry[8 + i] = static_cast<uint8_t>(start >> (8 * i));
        entry[12 + i] = static_cast<uint8_t>(sectors >> (8 * i));
    }
}

} // namespace libk
