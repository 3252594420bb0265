// ext2 inode allocation: a new inode goes in its parent's group if it has room,
// else the next group with a free inode; freeing updates bitmap and counts.
#include "ext2.h"
#include <kernel/mm.h>
#include <linux/stat.h>

uint32_t ext2_count_free_inodes(Ext2SbInfo* sbi)
{
    uint32_t total = 0;
    for (uint32_t group = 0; group < sbi->geometry.group_count; ++group)
        total += group_desc(sbi, group)->bg_free_inodes_count;
    return total;
}

namespace {

// Takes a free inode number in `group`; 0 if the bitmap has none.
ErrorOr<uint32_t> take_inode_in_group(super_block* sb, uint32_t group)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    uint32_t per_group = sbi->disk.s_inodes_per_group;
    e2::GroupDesc* desc = group_desc(sbi, group);
    buffer_head* bh = TRY(ext2_bread(sb, desc->bg_inode_bitmap));
    auto* map = reinterpret_cast<uint8_t*>(bh->b_data);
    // Inodes below s_first_ino are reserved (root, journal, resize...).
    uint32_t first = group == 0 ? sbi->geometry.first_ino - 1 : 0;
    int64_t bit = e2::find_zero_bit(map, per_group, first);
    if (bit < 0 || static_cast<uint32_t>(bit) < first) {
        brelse(bh);
        return 0u;
    }
    e2::set_bit(map, static_cast<uint32_t>(bit));
    mark_buffer_dirty(bh);
    brelse(bh);
    return group * per_group + static_cast<uint32_t>(bit) + 1;
}

} // namespace

ErrorOr<inode*> ext2_new_inode(inode* dir, umode_t mode)
{
    super_block* sb = dir->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    if (ext2_read_only(sb))
        return ENO(EROFS);
    uint32_t groups = sbi->geometry.group_count;
    uint32_t start = EXT2_I(dir)->block_group;
    uint32_t ino = 0, group = 0;
    for (uint32_t n = 0; n < groups && ino == 0; ++n) {
        group = (start + n) % groups;
        if (group_desc(sbi, group)->bg_free_inodes_count == 0)
            continue;
        ino = TRY(take_inode_in_group(sb, group));
        if (ino == 0)
            (void)ext2_corrupt(sb, "free inodes counted in a full group", group);
    }
    if (ino == 0)
        return ENO(ENOSPC);
    e2::GroupDesc* desc = group_desc(sbi, group);
    desc->bg_free_inodes_count--;
    if (S_ISDIR(mode))
        desc->bg_used_dirs_count++;
    group_desc_dirty(sbi, group);
    sbi->disk.s_free_inodes_count--;

    auto* ei = static_cast<Ext2Inode*>(kzalloc(sizeof(Ext2Inode), GFP_KERNEL));
    if (!ei) {
        // Give the number back.
        Ext2Inode stub {};
        stub.vfs.i_sb = sb;
        stub.vfs.i_ino = ino;
        stub.vfs.i_mode = mode;
        ext2_free_inode(&stub.vfs);
        return ENO(ENOMEM);
    }
    inode* node = &ei->vfs;
    node->i_sb = sb;
    node->i_ino = ino;
    node->i_count = 1;
    node->i_nlink = 1;
    inode_init_owner(node, dir, mode);
    node->i_atime = node->i_mtime = node->i_ctime = current_time(node);
    ei->block_group = group;
    ei->alloc_goal = e2::group_first_block(sbi->disk, group);
    ei->fresh = true;
    // Linux's generation numbers only need to differ between reuses of a number.
    ei->i_generation = static_cast<uint32_t>(ktime_get_real_seconds()) ^ ino;
    sbi->inodes.push_back(*ei);
    return node;
}

void ext2_free_inode(inode* node)
{
    super_block* sb = node->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    uint32_t ino = static_cast<uint32_t>(node->i_ino);
    uint32_t group = (ino - 1) / sbi->disk.s_inodes_per_group;
    uint32_t bit = (ino - 1) % sbi->disk.s_inodes_per_group;
    e2::GroupDesc* desc = group_desc(sbi, group);
    auto bh = ext2_bread(sb, desc->bg_inode_bitmap);
    if (bh.is_error())
        return;
    auto* map = reinterpret_cast<uint8_t*>(bh.value()->b_data);
    if (!e2::test_bit(map, bit)) {
        brelse(bh.value());
        (void)ext2_corrupt(sb, "freeing an inode already free", ino);
        return;
    }
    e2::clear_bit(map, bit);
    mark_buffer_dirty(bh.value());
    brelse(bh.value());
    desc->bg_free_inodes_count++;
    if (S_ISDIR(node->i_mode) && desc->bg_used_dirs_count)
        desc->bg_used_dirs_count--;
    group_desc_dirty(sbi, group);
    sbi->disk.s_free_inodes_count++;
}
