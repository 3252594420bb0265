// Host tests of libk/ext2: super block validation, features, block-map paths,
// directory blocks and bitmaps, including malformed input.
#include <gtest/gtest.h>
#include <functional>
#include <random>
#include <libk/ext2.h>

#include <cstring>
#include <vector>

using namespace libk::ext2;

namespace {

// A super block as mke2fs makes for a 16 MiB image with 1 KiB blocks.
SuperBlock make_super(uint32_t log_block_size = 0)
{
    SuperBlock sb {};
    uint32_t block_size = 1024u << log_block_size;
    sb.s_magic = super_magic;
    sb.s_rev_level = 1;
    sb.s_log_block_size = log_block_size;
    sb.s_first_data_block = block_size == 1024 ? 1 : 0;
    sb.s_blocks_per_group = 8 * block_size;
    sb.s_blocks_count = 16 * 1024 * 1024 / block_size;
    sb.s_inodes_per_group = 1024;
    uint32_t groups = (sb.s_blocks_count - sb.s_first_data_block + sb.s_blocks_per_group - 1) / sb.s_blocks_per_group;
    sb.s_inodes_count = groups * sb.s_inodes_per_group;
    sb.s_r_blocks_count = sb.s_blocks_count / 20;
    sb.s_inode_size = 128;
    sb.s_first_ino = 11;
    sb.s_feature_incompat = incompat_filetype;
    sb.s_feature_ro_compat = ro_compat_sparse_super | ro_compat_large_file;
    sb.s_feature_compat = compat_dir_index | compat_ext_attr | compat_resize_inode;
    return sb;
}

} // namespace

TEST(Ext2, StructSizes)
{
    EXPECT_EQ(sizeof(SuperBlock), 1024u);
    EXPECT_EQ(offsetof(SuperBlock, s_magic), 56u);
    EXPECT_EQ(offsetof(SuperBlock, s_inode_size), 88u);
    EXPECT_EQ(offsetof(SuperBlock, s_feature_ro_compat), 100u);
    EXPECT_EQ(offsetof(SuperBlock, s_last_orphan), 232u);
    EXPECT_EQ(offsetof(Inode, i_block), 40u);
    EXPECT_EQ(offsetof(Inode, i_size_high), 108u);
    EXPECT_EQ(offsetof(Inode, l_i_uid_high), 120u);
    EXPECT_EQ(offsetof(GroupDesc, bg_used_dirs_count), 16u);
}

TEST(Ext2, ValidSuperBlocks)
{
    for (uint32_t log = 0; log <= 2; ++log) {
        SuperBlock sb = make_super(log);
        Geometry g {};
        EXPECT_EQ(check_superblock(sb, g), nullptr) << "log " << log;
        EXPECT_EQ(g.block_size, 1024u << log);
        EXPECT_EQ(g.addr_per_block, g.block_size / 4);
        EXPECT_EQ(g.inode_size, 128u);
        EXPECT_EQ(g.first_ino, 11u);
        EXPECT_EQ(g.itable_blocks, 1024u * 128 / g.block_size);
    }
    SuperBlock sb = make_super(0);
    Geometry g {};
    ASSERT_EQ(check_superblock(sb, g), nullptr);
    EXPECT_EQ(g.group_count, 2u);   // 16383 blocks after block 0, 8192 per group
    EXPECT_EQ(g.gdt_blocks, 1u);
}

TEST(Ext2, RevisionZeroIgnoresDynamicFields)
{
    SuperBlock sb = make_super(0);
    sb.s_rev_level = 0;
    sb.s_inode_size = 0;
    sb.s_first_ino = 0;
    sb.s_feature_incompat = incompat_extents;   // no feature fields in revision 0
    Geometry g {};
    EXPECT_EQ(check_superblock(sb, g), nullptr);
    EXPECT_EQ(g.inode_size, 128u);
    EXPECT_EQ(g.first_ino, 11u);
    EXPECT_EQ(check_features(sb).access, Access::read_write);
}

TEST(Ext2, MalformedSuperBlocks)
{
    Geometry g {};
    struct Case {
        const char* what;
        void (*mutate)(SuperBlock&);
    };
    const Case cases[] = {
        { "magic", [](SuperBlock& sb) { sb.s_magic = 0xEF52; } },
        { "revision", [](SuperBlock& sb) { sb.s_rev_level = 2; } },
        { "block size", [](SuperBlock& sb) { sb.s_log_block_size = 3; } },
        { "huge block size", [](SuperBlock& sb) { sb.s_log_block_size = 0xffffffff; } },
        { "first data block", [](SuperBlock& sb) { sb.s_first_data_block = 0; } },
        { "blocks per group 0", [](SuperBlock& sb) { sb.s_blocks_per_group = 0; } },
        { "blocks per group big", [](SuperBlock& sb) { sb.s_blocks_per_group = 8193; } },
        { "inodes per group 0", [](SuperBlock& sb) { sb.s_inodes_per_group = 0; } },
        { "inodes per group big", [](SuperBlock& sb) { sb.s_inodes_per_group = 8200; } },
        { "inode count", [](SuperBlock& sb) { sb.s_inodes_count += 1; } },
        { "no blocks", [](SuperBlock& sb) { sb.s_blocks_count = 1; } },
        { "reserved", [](SuperBlock& sb) { sb.s_r_blocks_count = sb.s_blocks_count + 1; } },
        { "inode size small", [](SuperBlock& sb) { sb.s_inode_size = 64; } },
        { "inode size odd", [](SuperBlock& sb) { sb.s_inode_size = 192; } },
        { "inode size big", [](SuperBlock& sb) { sb.s_inode_size = 2048; } },
        { "first ino", [](SuperBlock& sb) { sb.s_first_ino = 5; } },
        { "too many groups", [](SuperBlock& sb) {
             sb.s_blocks_per_group = 8;
             sb.s_inodes_per_group = 8;
             sb.s_blocks_count = 0xfffffff0;
             sb.s_inodes_count = 8 * ((0xfffffff0u - 1 + 7) / 8);
         } },
    };
    for (const Case& c : cases) {
        SuperBlock sb = make_super(0);
        c.mutate(sb);
        EXPECT_NE(check_superblock(sb, g), nullptr) << c.what;
    }
}

TEST(Ext2, Features)
{
    SuperBlock sb = make_super(0);
    EXPECT_EQ(check_features(sb).access, Access::read_write);

    sb.s_feature_incompat |= incompat_extents;
    auto verdict = check_features(sb);
    EXPECT_EQ(verdict.access, Access::refuse);
    EXPECT_STREQ(verdict.feature, "extents");

    sb = make_super(0);
    sb.s_feature_incompat |= incompat_recover;
    EXPECT_EQ(check_features(sb).access, Access::refuse);
    EXPECT_STREQ(check_features(sb).feature, "needs_recovery");

    sb = make_super(0);
    sb.s_feature_ro_compat |= ro_compat_metadata_csum;
    verdict = check_features(sb);
    EXPECT_EQ(verdict.access, Access::read_only);
    EXPECT_STREQ(verdict.feature, "metadata_csum");

    sb = make_super(0);
    sb.s_feature_compat |= compat_has_journal | compat_dir_index;
    EXPECT_EQ(check_features(sb).access, Access::read_write);
}

TEST(Ext2, SparseSuperGroups)
{
    SuperBlock sb = make_super(0);
    const uint32_t with[] = { 0, 1, 3, 5, 7, 9, 25, 27, 49, 125 };
    const uint32_t without[] = { 2, 4, 6, 8, 10, 15, 21, 35 };
    for (uint32_t g : with)
        EXPECT_TRUE(group_has_super(sb, g)) << g;
    for (uint32_t g : without)
        EXPECT_FALSE(group_has_super(sb, g)) << g;
    sb.s_feature_ro_compat = 0;
    EXPECT_TRUE(group_has_super(sb, 2));
}

TEST(Ext2, GroupDescriptors)
{
    SuperBlock sb = make_super(0);
    Geometry g {};
    ASSERT_EQ(check_superblock(sb, g), nullptr);
    GroupDesc d {};
    d.bg_block_bitmap = 3;
    d.bg_inode_bitmap = 4;
    d.bg_inode_table = 5;
    d.bg_free_blocks_count = 100;
    d.bg_free_inodes_count = 100;
    EXPECT_EQ(check_group_desc(sb, g, 0, d), nullptr);
    EXPECT_NE(check_group_desc(sb, g, 1, d), nullptr);   // group 1 starts at 8193
    d.bg_inode_table = 8193 - g.itable_blocks + 1;
    EXPECT_NE(check_group_desc(sb, g, 0, d), nullptr);
    d.bg_inode_table = 5;
    d.bg_free_inodes_count = 1025;
    EXPECT_NE(check_group_desc(sb, g, 0, d), nullptr);
    // The last group is short: 16383 - 8192 = 8191 blocks.
    EXPECT_EQ(group_block_count(sb, g, 1), 8191u);
}

TEST(Ext2, LocateInode)
{
    SuperBlock sb = make_super(0);
    Geometry g {};
    ASSERT_EQ(check_superblock(sb, g), nullptr);
    auto l = locate_inode(g, sb.s_inodes_per_group, 2);
    EXPECT_EQ(l.group, 0u);
    EXPECT_EQ(l.index, 1u);
    EXPECT_EQ(l.table_block, 0u);
    EXPECT_EQ(l.offset, 128u);
    l = locate_inode(g, sb.s_inodes_per_group, 1025);
    EXPECT_EQ(l.group, 1u);
    EXPECT_EQ(l.index, 0u);
    l = locate_inode(g, sb.s_inodes_per_group, 9);
    EXPECT_EQ(l.table_block, 1u);
    EXPECT_EQ(l.offset, 0u);
}

TEST(Ext2, BlockPathBoundaries1K)
{
    BlockPath p {};
    const uint32_t a = 256;
    ASSERT_TRUE(block_path(a, 0, p));
    EXPECT_EQ(p.depth, 0u);
    ASSERT_TRUE(block_path(a, 11, p));
    EXPECT_EQ(p.depth, 0u);
    EXPECT_EQ(p.index[0], 11u);
    ASSERT_TRUE(block_path(a, 12, p));
    EXPECT_EQ(p.depth, 1u);
    EXPECT_EQ(p.index[0], ind_block);
    EXPECT_EQ(p.index[1], 0u);
    ASSERT_TRUE(block_path(a, 12 + 255, p));
    EXPECT_EQ(p.depth, 1u);
    EXPECT_EQ(p.index[1], 255u);
    ASSERT_TRUE(block_path(a, 12 + 256, p));
    EXPECT_EQ(p.depth, 2u);
    EXPECT_EQ(p.index[0], dind_block);
    EXPECT_EQ(p.index[1], 0u);
    EXPECT_EQ(p.index[2], 0u);
    ASSERT_TRUE(block_path(a, 12 + 256 + 257, p));
    EXPECT_EQ(p.index[1], 1u);
    EXPECT_EQ(p.index[2], 1u);
    ASSERT_TRUE(block_path(a, 12 + 256 + 65535, p));
    EXPECT_EQ(p.depth, 2u);
    EXPECT_EQ(p.index[1], 255u);
    EXPECT_EQ(p.index[2], 255u);
    ASSERT_TRUE(block_path(a, 12 + 256 + 65536, p));
    EXPECT_EQ(p.depth, 3u);
    EXPECT_EQ(p.index[0], tind_block);
    EXPECT_EQ(p.index[1], 0u);
    EXPECT_EQ(p.index[2], 0u);
    EXPECT_EQ(p.index[3], 0u);
    uint64_t last = 12 + 256 + 65536 + 16777216ull - 1;
    ASSERT_TRUE(block_path(a, last, p));
    EXPECT_EQ(p.depth, 3u);
    EXPECT_EQ(p.index[1], 255u);
    EXPECT_EQ(p.index[2], 255u);
    EXPECT_EQ(p.index[3], 255u);
    EXPECT_FALSE(block_path(a, last + 1, p));
    EXPECT_EQ(max_mapped_blocks(a), last + 1);
}

TEST(Ext2, BlockPath2KAnd4K)
{
    BlockPath p {};
    ASSERT_TRUE(block_path(512, 12 + 512, p));
    EXPECT_EQ(p.depth, 2u);
    ASSERT_TRUE(block_path(1024, 12 + 1023, p));
    EXPECT_EQ(p.depth, 1u);
    EXPECT_EQ(p.index[1], 1023u);
    ASSERT_TRUE(block_path(1024, 12 + 1024 + 1024 * 1024, p));
    EXPECT_EQ(p.depth, 3u);
    ASSERT_TRUE(block_path(1024, 12 + 1024 + 1024 * 1024 + 1024 * 1024 + 5, p));
    EXPECT_EQ(p.index[1], 1u);
    EXPECT_EQ(p.index[2], 0u);
    EXPECT_EQ(p.index[3], 5u);
}

TEST(Ext2, HoleLengthCoversMissingRanges)
{
    const uint32_t a = 256;
    BlockPath p {};
    uint32_t i_block[n_blocks] = { 5, 0, 0, 0, 7 };
    ASSERT_TRUE(block_path(a, 1, p));
    EXPECT_EQ(hole_length(p, 0, i_block, n_direct, a), 3u) << "direct pointers 1-3";
    ASSERT_TRUE(block_path(a, 12 + 10, p));
    EXPECT_EQ(hole_length(p, 0, i_block, 0, a), 246u) << "no indirect block: the rest of its 256";
    ASSERT_TRUE(block_path(a, 12 + 256 + 300, p));   // index[1] 1, index[2] 44
    EXPECT_EQ(hole_length(p, 0, i_block, 0, a), 65536u - 300) << "no double-indirect block";
    uint32_t table[256] = {};
    table[3] = 9;
    EXPECT_EQ(hole_length(p, 1, table, a, a), 256u - 44 + 256) << "pointers 1 and 2 of the double-indirect block";
    table[46] = 3;
    EXPECT_EQ(hole_length(p, 2, table, a, a), 2u) << "entries 44 and 45 of the last table";
    uint64_t last = max_mapped_blocks(a) - 1;
    ASSERT_TRUE(block_path(a, last, p));
    EXPECT_EQ(hole_length(p, 0, i_block, 0, a), 1u) << "the very last block";
}

TEST(Ext2, ContiguousRunStopsAtTheFirstGapAndAtTheTable)
{
    const uint32_t pointers[] = { 100, 101, 102, 200, 201, 0, 0, 7, 8, 9 };
    EXPECT_EQ(contiguous_run(pointers, 0, 10), 3u);
    EXPECT_EQ(contiguous_run(pointers, 1, 10), 2u);
    EXPECT_EQ(contiguous_run(pointers, 3, 10), 2u) << "a new run after a jump";
    EXPECT_EQ(contiguous_run(pointers, 5, 10), 1u) << "a hole is no run";
    EXPECT_EQ(contiguous_run(pointers, 7, 10), 3u) << "up to the table's end";
    EXPECT_EQ(contiguous_run(pointers, 7, 9), 2u) << "up to `count`";
    const uint32_t wraps[] = { 0xffffffffu, 0 };
    EXPECT_EQ(contiguous_run(wraps, 0, 2), 1u) << "block numbers do not wrap into a run";
}

// A model file system with 4 pointers per block: every block hole_length calls a
// hole maps to nothing, from every starting block of random trees.
TEST(Ext2, HoleLengthNeverSkipsData)
{
    const uint32_t a = 4;
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::vector<uint32_t>> blocks(1, std::vector<uint32_t>(a, 0));   // block 0: unused
        auto pointer = [&](int depth) -> uint32_t {
            if (rng() % 3 == 0)
                return 0;
            blocks.push_back(std::vector<uint32_t>(a, 0));
            return depth ? static_cast<uint32_t>(blocks.size() - 1) : 1000 + static_cast<uint32_t>(rng() % 50);
        };
        uint32_t i_block[n_blocks] = {};
        for (uint32_t i = 0; i < n_direct; ++i)
            i_block[i] = pointer(0);
        // Build each indirect tree top-down.
        std::function<uint32_t(int)> tree = [&](int depth) -> uint32_t {
            uint32_t at = pointer(depth);
            if (at == 0 || depth == 0)
                return at;
            for (uint32_t i = 0; i < a; ++i) {
                uint32_t child = tree(depth - 1);
                blocks[at][i] = child;
            }
            return at;
        };
        for (uint32_t depth = 1; depth <= 3; ++depth)
            i_block[n_direct - 1 + depth] = tree(static_cast<int>(depth));
        // The walk ext2_get_block does; 0 and the hole length for a hole.
        auto map = [&](uint64_t logical, uint64_t* hole) -> uint32_t {
            BlockPath path {};
            EXPECT_TRUE(block_path(a, logical, path));
            uint32_t block = i_block[path.index[0]];
            if (block == 0) {
                *hole = hole_length(path, 0, i_block, path.depth == 0 ? n_direct : 0, a);
                return 0;
            }
            for (uint32_t level = 1; level <= path.depth; ++level) {
                uint32_t next = blocks[block][path.index[level]];
                if (next == 0) {
                    *hole = hole_length(path, level, blocks[block].data(), a, a);
                    return 0;
                }
                block = next;
            }
            return block;
        };
        uint64_t total = max_mapped_blocks(a);
        for (uint64_t logical = 0; logical < total; ++logical) {
            uint64_t hole = 0;
            if (map(logical, &hole) != 0)
                continue;
            ASSERT_GE(hole, 1u);
            ASSERT_LE(logical + hole, total);
            for (uint64_t inside = logical; inside < logical + hole; ++inside) {
                uint64_t ignored;
                ASSERT_EQ(map(inside, &ignored), 0u) << "round " << round << ": block " << inside
                                                     << " has data inside the hole from " << logical;
            }
        }
    }
}

TEST(Ext2, DirectoryBlockInsertAndRemove)
{
    std::vector<uint8_t> block(1024);
    init_dir_block(block.data(), 1024, 12, 2, true);
    ASSERT_EQ(check_dir_block(block.data(), 1024, 100), nullptr);
    DirEntry e {};
    ASSERT_EQ(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);
    EXPECT_EQ(e.inode, 12u);
    EXPECT_EQ(e.rec_len, 12u);
    EXPECT_EQ(std::string(e.name, e.name_len), ".");
    ASSERT_EQ(read_dir_entry(block.data(), 1024, 12, 100, e), nullptr);
    EXPECT_EQ(e.inode, 2u);
    EXPECT_EQ(e.rec_len, 1012u);
    EXPECT_EQ(e.file_type, ft_dir);

    int slot = find_dir_slot(block.data(), 1024, 5);
    ASSERT_EQ(slot, 12);
    insert_dir_entry(block.data(), static_cast<uint32_t>(slot), 13, "hello", 5, ft_reg_file);
    ASSERT_EQ(check_dir_block(block.data(), 1024, 100), nullptr);
    ASSERT_EQ(read_dir_entry(block.data(), 1024, 12, 100, e), nullptr);
    EXPECT_EQ(e.rec_len, 12u);
    ASSERT_EQ(read_dir_entry(block.data(), 1024, 24, 100, e), nullptr);
    EXPECT_EQ(e.inode, 13u);
    EXPECT_EQ(e.rec_len, 1000u);
    EXPECT_EQ(std::string(e.name, e.name_len), "hello");

    remove_dir_entry(block.data(), 12, 24);
    ASSERT_EQ(check_dir_block(block.data(), 1024, 100), nullptr);
    ASSERT_EQ(read_dir_entry(block.data(), 1024, 12, 100, e), nullptr);
    EXPECT_EQ(e.rec_len, 1012u);

    // A block full of 255-byte names has no room left.
    std::vector<uint8_t> full(1024);
    init_empty_dir_block(full.data(), 1024);
    std::string name(255, 'x');
    for (int i = 0; i < 3; ++i) {
        slot = find_dir_slot(full.data(), 1024, 255);
        ASSERT_GE(slot, 0);
        insert_dir_entry(full.data(), static_cast<uint32_t>(slot), 20 + i, name.c_str(), 255, ft_reg_file);
    }
    EXPECT_GE(find_dir_slot(full.data(), 1024, 200), 0);
    EXPECT_EQ(find_dir_slot(full.data(), 1024, 255), -1);
    ASSERT_EQ(check_dir_block(full.data(), 1024, 100), nullptr);
    // Removing the first entry of a block marks it unused, then it is reused.
    remove_dir_entry(full.data(), -1, 0);
    EXPECT_EQ(find_dir_slot(full.data(), 1024, 255), 0);
}

TEST(Ext2, MalformedDirectoryEntries)
{
    std::vector<uint8_t> block(1024);
    DirEntry e {};
    auto put = [&](uint32_t off, uint32_t ino, uint16_t rec, uint8_t nl) {
        std::memcpy(&block[off], &ino, 4);
        std::memcpy(&block[off + 4], &rec, 2);
        block[off + 6] = nl;
    };
    put(0, 2, 0, 1);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // rec_len 0 would loop
    put(0, 2, 6, 1);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);
    put(0, 2, 14, 1);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // not 4-aligned
    put(0, 2, 12, 10);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // name longer than the record
    put(0, 2, 1028, 1);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // past the block
    put(0, 101, 1024, 1);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // inode out of range
    put(0, 2, 1024, 0);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // empty name
    put(0, 0, 1024, 0);
    EXPECT_EQ(read_dir_entry(block.data(), 1024, 0, 100, e), nullptr);   // an unused entry
    EXPECT_NE(read_dir_entry(block.data(), 1024, 1020, 100, e), nullptr);
    EXPECT_NE(read_dir_entry(block.data(), 1024, 2, 100, e), nullptr);
    // Entries that do not chain to the end of the block.
    put(0, 2, 12, 1);
    put(12, 2, 1000, 1);
    EXPECT_NE(check_dir_block(block.data(), 1024, 100), nullptr);
    EXPECT_EQ(find_dir_slot(block.data(), 1024, 4), 12);
    put(12, 2, 2000, 1);
    EXPECT_EQ(find_dir_slot(block.data(), 1024, 300), -1);
}

TEST(Ext2, RecLen)
{
    EXPECT_EQ(dir_rec_len(1), 12u);
    EXPECT_EQ(dir_rec_len(4), 12u);
    EXPECT_EQ(dir_rec_len(5), 16u);
    EXPECT_EQ(dir_rec_len(255), 264u);
}

TEST(Ext2, Bitmaps)
{
    std::vector<uint8_t> map(16, 0xff);
    EXPECT_EQ(find_zero_bit(map.data(), 128, 0), -1);
    clear_bit(map.data(), 77);
    EXPECT_EQ(find_zero_bit(map.data(), 128, 0), 77);
    EXPECT_EQ(find_zero_bit(map.data(), 128, 78), 77);   // wraps around
    EXPECT_EQ(find_zero_bit(map.data(), 77, 0), -1);     // beyond the count
    set_bit(map.data(), 77);
    EXPECT_TRUE(test_bit(map.data(), 77));
    EXPECT_EQ(find_zero_bit(map.data(), 0, 0), -1);
}

TEST(Ext2, FileTypes)
{
    EXPECT_EQ(file_type_of_mode(0100644), ft_reg_file);
    EXPECT_EQ(file_type_of_mode(0040755), ft_dir);
    EXPECT_EQ(file_type_of_mode(0120777), ft_symlink);
    EXPECT_EQ(file_type_of_mode(0020666), ft_chrdev);
    EXPECT_EQ(file_type_of_mode(0), ft_unknown);
}
