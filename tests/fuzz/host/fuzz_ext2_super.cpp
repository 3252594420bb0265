// The ext2 mount checks (libk/ext2.cpp) as kernel/fs/ext2/super.cpp runs them: the
// input is the super block (1024 bytes) followed by the group descriptors. What an
// accepted geometry promises, inode locations and block-map paths, is checked too.
#include "fuzz.h"
#include <libk/ext2.h>
#include <libk/little_endian.h>
#include <initializer_list>
#include <string.h>

namespace e2 = libk::ext2;

namespace {

// The inode-table slot of `ino` lies in its group's table (inode.cpp trusts this).
void check_inode(const e2::SuperBlock& sb, const e2::Geometry& g, uint32_t ino)
{
    e2::InodeLocation at = e2::locate_inode(g, sb.s_inodes_per_group, ino);
    FUZZ_CHECK(at.group < g.group_count);
    FUZZ_CHECK(at.index < sb.s_inodes_per_group);
    FUZZ_CHECK(at.table_block < g.itable_blocks);
    FUZZ_CHECK(at.offset + g.inode_size <= g.block_size);
}

// A logical block's path indexes i_block[] and then whole indirect blocks.
void check_path(const e2::Geometry& g, uint64_t logical)
{
    e2::BlockPath path;
    bool mapped = e2::block_path(g.addr_per_block, logical, path);
    FUZZ_CHECK(mapped == (logical < e2::max_mapped_blocks(g.addr_per_block)));
    if (!mapped)
        return;
    FUZZ_CHECK(path.depth <= 3);
    FUZZ_CHECK(path.index[0] < e2::n_blocks);
    for (uint32_t level = 1; level <= path.depth; ++level)
        FUZZ_CHECK(path.index[level] < g.addr_per_block);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    e2::SuperBlock sb {};
    memcpy(&sb, data, size < sizeof(sb) ? size : sizeof(sb));
    e2::Geometry g {};
    if (e2::check_superblock(sb, g) != nullptr)
        return 0;
    FUZZ_CHECK(g.block_size >= 1024 && g.block_size <= 4096 && g.block_size == 1u << g.block_size_bits);
    FUZZ_CHECK(g.group_count >= 1 && g.itable_blocks >= 1 && g.itable_blocks < sb.s_blocks_per_group);
    FUZZ_CHECK(static_cast<uint64_t>(g.group_count) * sb.s_inodes_per_group == sb.s_inodes_count);
    e2::FeatureVerdict verdict = e2::check_features(sb);
    if (verdict.feature)
        touch(verdict.feature, strlen(verdict.feature));

    // The descriptors follow the super block, 32 bytes each; a group's blocks lie
    // inside the file system and after the previous group's.
    const uint8_t* descs = data + sizeof(sb);
    size_t desc_bytes = size > sizeof(sb) ? size - sizeof(sb) : 0;
    uint64_t next_first = sb.s_first_data_block;
    for (uint32_t group = 0; group < g.group_count && group < 4096; ++group) {
        uint32_t first = e2::group_first_block(sb, group);
        uint32_t count = e2::group_block_count(sb, g, group);
        FUZZ_CHECK(first == next_first);
        FUZZ_CHECK(count >= 1 && count <= sb.s_blocks_per_group);
        FUZZ_CHECK(static_cast<uint64_t>(first) + count <= sb.s_blocks_count);
        next_first = static_cast<uint64_t>(first) + count;
        e2::group_has_super(sb, group);
        if ((group + 1) * sizeof(e2::GroupDesc) <= desc_bytes) {
            e2::GroupDesc desc;
            memcpy(&desc, descs + group * sizeof(desc), sizeof(desc));
            if (const char* problem = e2::check_group_desc(sb, g, group, desc))
                touch(problem, strlen(problem));
        }
    }

    check_inode(sb, g, 1);
    check_inode(sb, g, e2::root_ino);
    check_inode(sb, g, g.first_ino);
    check_inode(sb, g, sb.s_inodes_count);
    if (desc_bytes >= 4)
        check_inode(sb, g, 1 + libk::load_u32(descs) % sb.s_inodes_count);

    uint64_t p = g.addr_per_block, last = e2::max_mapped_blocks(g.addr_per_block);
    for (uint64_t logical : { uint64_t(0), uint64_t(11), uint64_t(12), 12 + p - 1, 12 + p, 12 + p + p * p - 1,
             12 + p + p * p, last - 1, last, last + 1 })
        check_path(g, logical);
    if (desc_bytes >= 8)
        check_path(g, libk::load_u32(descs + 4) % (last + 2));
    return 0;
}
