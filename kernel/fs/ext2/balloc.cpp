// ext2 block allocation: search the block bitmaps from a goal block's group on,
// and keep the group descriptors' and super block's free counts in step.
#include "ext2.h"

uint32_t ext2_count_free_blocks(Ext2SbInfo* sbi)
{
    uint32_t total = 0;
    for (uint32_t group = 0; group < sbi->geometry.group_count; ++group)
        total += group_desc(sbi, group)->bg_free_blocks_count;
    return total;
}

ErrorOr<uint32_t> ext2_new_block(super_block* sb, uint32_t goal)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    e2::SuperBlock& disk = sbi->disk;
    const e2::Geometry& g = sbi->geometry;
    if (ext2_read_only(sb))
        return ENO(EROFS);
    uint32_t free_blocks = ext2_count_free_blocks(sbi);
    // The reserved blocks are root's (and s_def_resuid's).
    if (free_blocks <= disk.s_r_blocks_count && current_fsuid() != 0 && current_fsuid() != disk.s_def_resuid)
        return ENO(ENOSPC);
    if (!ext2_valid_block(sbi, goal))
        goal = disk.s_first_data_block;
    uint32_t first_group = (goal - disk.s_first_data_block) / disk.s_blocks_per_group;
    for (uint32_t n = 0; n < g.group_count; ++n) {
        uint32_t group = (first_group + n) % g.group_count;
        e2::GroupDesc* desc = group_desc(sbi, group);
        if (desc->bg_free_blocks_count == 0)
            continue;
        uint32_t group_start = e2::group_first_block(disk, group);
        uint32_t count = e2::group_block_count(disk, g, group);
        buffer_head* bh = TRY(ext2_bread(sb, desc->bg_block_bitmap));
        auto* map = reinterpret_cast<uint8_t*>(bh->b_data);
        uint32_t from = n == 0 ? goal - group_start : 0;
        int64_t bit = e2::find_zero_bit(map, count, from);
        if (bit < 0) {
            brelse(bh);
            (void)ext2_corrupt(sb, "free blocks counted in a full group", group);
            continue;
        }
        uint32_t block = group_start + static_cast<uint32_t>(bit);
        // Never hand out the group's own metadata, whatever the bitmap says.
        if (block == desc->bg_block_bitmap || block == desc->bg_inode_bitmap
            || (block >= desc->bg_inode_table && block < desc->bg_inode_table + g.itable_blocks)) {
            brelse(bh);
            return ext2_corrupt(sb, "block bitmap says metadata is free", block);
        }
        e2::set_bit(map, static_cast<uint32_t>(bit));
        mark_buffer_dirty(bh);
        brelse(bh);
        desc->bg_free_blocks_count--;
        group_desc_dirty(sbi, group);
        disk.s_free_blocks_count = free_blocks - 1;
        return block;
    }
    return ENO(ENOSPC);
}

uint32_t ext2_claim_blocks(super_block* sb, uint32_t start, uint32_t wanted)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    e2::SuperBlock& disk = sbi->disk;
    const e2::Geometry& g = sbi->geometry;
    if (wanted == 0 || ext2_read_only(sb) || !ext2_valid_block(sbi, start))
        return 0;
    uint32_t group = (start - disk.s_first_data_block) / disk.s_blocks_per_group;
    e2::GroupDesc* desc = group_desc(sbi, group);
    uint32_t free_blocks = ext2_count_free_blocks(sbi);
    if (free_blocks <= disk.s_r_blocks_count && current_fsuid() != 0 && current_fsuid() != disk.s_def_resuid)
        return 0;
    uint32_t group_start = e2::group_first_block(disk, group);
    uint32_t limit = e2::group_block_count(disk, g, group) - (start - group_start);
    if (wanted > limit)
        wanted = limit;
    if (wanted > desc->bg_free_blocks_count)
        wanted = desc->bg_free_blocks_count;
    auto bh = ext2_bread(sb, desc->bg_block_bitmap);
    if (bh.is_error())
        return 0;
    auto* map = reinterpret_cast<uint8_t*>(bh.value()->b_data);
    uint32_t got = 0;
    for (; got < wanted; ++got) {
        uint32_t block = start + got;
        bool metadata = block == desc->bg_block_bitmap || block == desc->bg_inode_bitmap
            || (block >= desc->bg_inode_table && block < desc->bg_inode_table + g.itable_blocks);
        if (metadata || e2::test_bit(map, block - group_start))
            break;   // a bitmap that says metadata is free: ext2_new_block reports it
        e2::set_bit(map, block - group_start);
    }
    if (got) {
        mark_buffer_dirty(bh.value());
        desc->bg_free_blocks_count = static_cast<uint16_t>(desc->bg_free_blocks_count - got);
        group_desc_dirty(sbi, group);
        disk.s_free_blocks_count = free_blocks - got;
    }
    brelse(bh.value());
    return got;
}

void ext2_free_block(super_block* sb, uint32_t block)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    e2::SuperBlock& disk = sbi->disk;
    if (!ext2_valid_block(sbi, block)) {
        (void)ext2_corrupt(sb, "freeing a block outside the file system", block);
        return;
    }
    uint32_t group = (block - disk.s_first_data_block) / disk.s_blocks_per_group;
    uint32_t bit = (block - disk.s_first_data_block) % disk.s_blocks_per_group;
    e2::GroupDesc* desc = group_desc(sbi, group);
    auto bh = ext2_bread(sb, desc->bg_block_bitmap);
    if (bh.is_error())
        return;
    auto* map = reinterpret_cast<uint8_t*>(bh.value()->b_data);
    if (!e2::test_bit(map, bit)) {
        brelse(bh.value());
        (void)ext2_corrupt(sb, "freeing a block already free", block);
        return;
    }
    e2::clear_bit(map, bit);
    mark_buffer_dirty(bh.value());
    brelse(bh.value());
    // Its cached copy is dead: forgotten now, dirty or not (Linux's bforget;
    // there a file's data leaves with its page cache), so that it neither
    // stays in memory nor is written back over the block's next owner.
    clean_bdev_aliases(sb->s_bdev, block, 1);
    desc->bg_free_blocks_count++;
    group_desc_dirty(sbi, group);
    disk.s_free_blocks_count++;
}
