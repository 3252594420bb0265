// ext2 directory blocks and bitmaps (libk/ext2.cpp) as kernel/fs/ext2/dir.cpp and
// balloc use them. Input: inodes_count[4] log_block_size[1], then the block (cut
// or zero-filled to the block size). A block that passes check_dir_block is walked,
// gets a name added and removed again, and must stay valid throughout.
#include "fuzz.h"
#include <libk/ext2.h>
#include <libk/little_endian.h>
#include <vector>

namespace e2 = libk::ext2;

namespace {

// readdir's walk; returns the offset of the entry before `target` (-1 if first).
int walk(const std::vector<uint8_t>& block, uint32_t inodes_count, uint32_t target)
{
    uint32_t block_size = static_cast<uint32_t>(block.size());
    int previous = -1;
    for (uint32_t offset = 0; offset < block_size;) {
        e2::DirEntry entry;
        FUZZ_CHECK(e2::read_dir_entry(block.data(), block_size, offset, inodes_count, entry) == nullptr);
        FUZZ_CHECK(8 + entry.name_len <= entry.rec_len && entry.rec_len <= block_size - offset);
        touch(entry.name, entry.name_len);
        if (offset == target)
            return previous;
        previous = static_cast<int>(offset);
        offset += entry.rec_len;
    }
    return -2;   // not reached from the chain
}

void check_bitmap(const std::vector<uint8_t>& map, uint32_t count, uint32_t from)
{
    int64_t bit = e2::find_zero_bit(map.data(), count, from);
    if (bit >= 0) {
        FUZZ_CHECK(bit < count && !e2::test_bit(map.data(), static_cast<uint32_t>(bit)));
        // The first clear bit at or after `from`, wrapping: none in between.
        uint32_t start = from < count ? from : 0;
        for (uint32_t i = start; i != static_cast<uint32_t>(bit); i = i + 1 == count ? 0 : i + 1)
            FUZZ_CHECK(e2::test_bit(map.data(), i));
    } else {
        FUZZ_CHECK(bit == -1);
        for (uint32_t i = 0; i < count; ++i)
            FUZZ_CHECK(e2::test_bit(map.data(), i));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 5)
        return 0;
    uint32_t inodes_count = libk::load_u32(data);
    uint32_t block_size = 1024u << (data[4] % 3);
    std::vector<uint8_t> block(block_size);
    size_t given = size - 5 < block_size ? size - 5 : block_size;
    for (size_t i = 0; i < given; ++i)
        block[i] = data[5 + i];

    check_bitmap(block, block_size * 8 - (data[4] >> 2), inodes_count % (block_size * 8 + 1));

    if (e2::check_dir_block(block.data(), block_size, inodes_count) != nullptr)
        return 0;
    walk(block, inodes_count, block_size);
    if (inodes_count == 0)
        return 0;
    // ext2_add_link: a slot for the name, the entry put there; then unlink it.
    uint32_t name_len = 1 + static_cast<uint32_t>(size % e2::name_max);
    int slot = e2::find_dir_slot(block.data(), block_size, name_len);
    if (slot < 0)
        return 0;
    FUZZ_CHECK(static_cast<uint32_t>(slot) < block_size && slot % 4 == 0);
    // The new entry goes at the slot, or right after the live entry it splits.
    uint32_t at = static_cast<uint32_t>(slot);
    if (libk::load_u32(&block[at]) != 0)
        at += e2::dir_rec_len(block[at + 6]);
    std::vector<char> name(name_len, 'n');
    e2::insert_dir_entry(block.data(), static_cast<uint32_t>(slot), inodes_count, name.data(), name_len, e2::ft_reg_file);
    FUZZ_CHECK(e2::check_dir_block(block.data(), block_size, inodes_count) == nullptr);
    int previous = walk(block, inodes_count, at);
    FUZZ_CHECK(previous >= -1);
    e2::remove_dir_entry(block.data(), previous, at);
    FUZZ_CHECK(e2::check_dir_block(block.data(), block_size, inodes_count) == nullptr);
    return 0;
}
