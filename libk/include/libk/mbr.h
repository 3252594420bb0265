// MBR (DOS) partition tables: the four primary entries and the chain of
// extended boot records behind an extended entry, numbered as Linux does.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

constexpr size_t mbr_sector_size = 512;
constexpr size_t mbr_max_partitions = 64;   // 4 primaries + up to 60 logical ones

struct MbrPartition {
    unsigned number;     // 1..4 primary (by slot), 5.. logical in chain order
    uint8_t type;        // system id (0x83 Linux, 0x05/0x0f/0x85 extended, ...)
    bool bootable;       // status byte 0x80
    bool extended;       // an extended container (Linux exposes it as 2 sectors)
    uint64_t start;      // first sector, absolute
    uint64_t sectors;    // length in sectors (clipped to the disk)
};

// Reads sector `lba` (512 bytes) into `buffer`; false on an I/O error.
using MbrReadSector = bool (*)(void* context, uint64_t lba, uint8_t* buffer);

inline bool mbr_is_extended(uint8_t type) { return type == 0x05 || type == 0x0f || type == 0x85; }

// Parses the table of a disk of `disk_sectors` sectors into `out` (at most
// `max` entries, ordered by number). No 0x55AA signature (or a read error of
// sector 0) gives 0 partitions. Entries starting past the end are dropped,
// those running past it clipped; the EBR chain stops at a loop, a bad
// signature, or after mbr_max_partitions.
size_t mbr_parse(uint64_t disk_sectors, MbrReadSector read, void* context, MbrPartition* out, size_t max);

// One raw 16-byte entry, for writing tables (fdisk, tests).
void mbr_encode_entry(uint8_t* entry, uint8_t type, bool bootable, uint32_t start, uint32_t sectors);

} // namespace libk
