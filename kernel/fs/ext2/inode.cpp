// ext2 inodes: the per-super-block inode cache, reading and writing the inode
// table, the block map (direct and indirect pointers), truncate, setattr, evict.
#include "ext2.h"
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

// The inode-table slot of `ino`, in a held buffer.
ErrorOr<buffer_head*> inode_buffer(super_block* sb, uint32_t ino, e2::Inode*& raw, uint32_t* group = nullptr)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    if (ino < 1 || ino > sbi->disk.s_inodes_count)
        return ext2_corrupt(sb, "inode number out of range", ino);
    e2::InodeLocation location = e2::locate_inode(sbi->geometry, sbi->disk.s_inodes_per_group, ino);
    uint32_t block = group_desc(sbi, location.group)->bg_inode_table + location.table_block;
    buffer_head* bh = TRY(ext2_bread(sb, block));
    raw = reinterpret_cast<e2::Inode*>(bh->b_data + location.offset);
    if (group)
        *group = location.group;
    return bh;
}

bool has_data_blocks(inode* node)
{
    umode_t mode = node->i_mode;
    if (S_ISREG(mode) || S_ISDIR(mode))
        return true;
    // A fast symlink keeps its target in i_block: no blocks to free.
    return S_ISLNK(mode) && node->i_blocks != 0;
}

ErrorOr<uint32_t> alloc_zeroed_block(inode* node)
{
    super_block* sb = node->i_sb;
    Ext2Inode* ei = EXT2_I(node);
    uint32_t block = TRY(ext2_new_block(sb, ei->alloc_goal));
    buffer_head* bh = sb_getblk(sb, block);
    if (!bh) {
        ext2_free_block(sb, block);
        return ENO(EIO);
    }
    libk::memset(bh->b_data, 0, sb->s_blocksize);
    set_buffer_uptodate(bh);
    mark_buffer_dirty(bh);
    brelse(bh);
    node->i_blocks += static_cast<blkcnt_t>(sb->s_blocksize / 512);
    ei->alloc_goal = block + 1;
    return block;
}

// The table of the block map that holds logical block `logical`'s pointer:
// i_block itself (*bh nullptr) or an indirect block (held in *bh); where the
// path has a hole, nullptr.
ErrorOr<uint32_t*> map_table(inode* node, const e2::BlockPath& path, buffer_head** bh, uint32_t* slots)
{
    Ext2Inode* ei = EXT2_I(node);
    *bh = nullptr;
    if (path.depth == 0) {
        *slots = e2::n_direct;
        return ei->i_block;
    }
    uint32_t block = ei->i_block[path.index[0]];
    for (uint32_t level = 1; block; ++level) {
        buffer_head* table = TRY(ext2_bread(node->i_sb, block));
        auto* pointers = reinterpret_cast<uint32_t*>(table->b_data);
        if (level == path.depth) {
            *bh = table;
            *slots = EXT2_SB(node->i_sb)->geometry.addr_per_block;
            return pointers;
        }
        block = pointers[path.index[level]];
        brelse(table);
    }
    return static_cast<uint32_t*>(nullptr);
}

// Frees what `*slot` maps at logical blocks >= from; the subtree covers
// [start, start + p^depth). Sets `changed` when *slot or below was modified.
ErrorOr<void> free_tree(inode* node, uint32_t* slot, uint32_t depth, uint64_t start, uint64_t from, bool& changed)
{
    super_block* sb = node->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    if (*slot == 0)
        return {};
    uint64_t p = sbi->geometry.addr_per_block;
    uint64_t span = 1;
    for (uint32_t i = 0; i < depth; ++i)
        span *= p;
    if (start + span <= from)
        return {};
    if (!ext2_valid_block(sbi, *slot)) {
        (void)ext2_corrupt(sb, "bad block pointer dropped by truncate", *slot);
        *slot = 0;
        changed = true;
        return {};
    }
    if (depth > 0) {
        buffer_head* bh = TRY(ext2_bread(sb, *slot));
        auto* pointers = reinterpret_cast<uint32_t*>(bh->b_data);
        uint64_t child_span = span / p;
        bool dirty = false;
        for (uint64_t i = 0; i < p; ++i) {
            uint64_t child_start = start + i * child_span;
            if (child_start + child_span <= from)
                continue;
            auto result = free_tree(node, &pointers[i], depth - 1, child_start, from, dirty);
            if (result.is_error()) {
                if (dirty)
                    mark_buffer_dirty(bh);
                brelse(bh);
                return result;
            }
        }
        if (dirty && start < from)
            mark_buffer_dirty(bh);   // the indirect block stays, with fewer pointers
        brelse(bh);
    }
    if (start >= from) {
        ext2_free_block(sb, *slot);
        node->i_blocks -= static_cast<blkcnt_t>(sb->s_blocksize / 512);
        *slot = 0;
        changed = true;
    }
    return {};
}

} // namespace

dev_t ext2_decode_dev(const uint32_t* i_block)
{
    if (i_block[0]) {
        uint32_t old = i_block[0];
        return MKDEV((old >> 8) & 0xff, old & 0xff);
    }
    uint32_t value = i_block[1];
    return MKDEV((value & 0xfff00) >> 8, (value & 0xff) | ((value >> 12) & 0xfff00));
}

void ext2_encode_dev(uint32_t* i_block, dev_t dev)
{
    uint32_t major = MAJOR(dev), minor = MINOR(dev);
    if (major < 256 && minor < 256) {
        i_block[0] = (major << 8) | minor;
        i_block[1] = 0;
    } else {
        i_block[0] = 0;
        i_block[1] = (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
        i_block[2] = 0;
    }
}

void ext2_set_ops(inode* node)
{
    umode_t mode = node->i_mode;
    if (S_ISREG(mode)) {
        node->i_op = &ext2_file_inode_operations;
        node->i_fop = &ext2_file_operations;
    } else if (S_ISDIR(mode)) {
        node->i_op = &ext2_dir_inode_operations;
        node->i_fop = &ext2_dir_operations;
    } else if (S_ISLNK(mode)) {
        node->i_op = &ext2_symlink_inode_operations;
    } else {
        node->i_op = &ext2_special_inode_operations;
        init_special_inode(node, mode, ext2_decode_dev(EXT2_I(node)->i_block));
    }
}

bool ext2_inode_cache_empty(super_block* sb)
{
    return EXT2_SB(sb)->inodes.is_empty();
}

ErrorOr<inode*> ext2_iget(super_block* sb, uint32_t ino)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    for (Ext2Inode& cached : sbi->inodes) {
        if (cached.vfs.i_ino == ino) {
            ihold(&cached.vfs);
            return &cached.vfs;
        }
    }
    if (ino != e2::root_ino && ino < sbi->geometry.first_ino)
        return ext2_corrupt(sb, "reference to a reserved inode", ino);
    e2::Inode* raw = nullptr;
    uint32_t group = 0;
    buffer_head* bh = TRY(inode_buffer(sb, ino, raw, &group));
    if (raw->i_links_count == 0 || raw->i_mode == 0) {
        brelse(bh);
        return ext2_corrupt(sb, "reference to a deleted inode", ino);
    }
    // A type that is none of the seven (ext4's "bogus i_mode"): nothing could use it.
    if (e2::file_type_of_mode(raw->i_mode) == e2::ft_unknown) {
        brelse(bh);
        return ext2_corrupt(sb, "bogus i_mode", ino);
    }
    auto* ei = static_cast<Ext2Inode*>(kzalloc(sizeof(Ext2Inode), GFP_KERNEL));
    if (!ei) {
        brelse(bh);
        return ENO(ENOMEM);
    }
    inode* node = &ei->vfs;
    node->i_sb = sb;
    node->i_ino = ino;
    node->i_count = 1;
    node->i_mode = raw->i_mode;
    node->i_uid = raw->i_uid | (static_cast<uid_t>(raw->l_i_uid_high) << 16);
    node->i_gid = raw->i_gid | (static_cast<gid_t>(raw->l_i_gid_high) << 16);
    node->i_size = raw->i_size;
    if (S_ISREG(raw->i_mode))
        node->i_size |= static_cast<loff_t>(raw->i_size_high) << 32;
    node->i_atime = { static_cast<time64_t>(raw->i_atime), 0 };
    node->i_mtime = { static_cast<time64_t>(raw->i_mtime), 0 };
    node->i_ctime = { static_cast<time64_t>(raw->i_ctime), 0 };
    node->i_nlink = raw->i_links_count;
    node->i_blocks = raw->i_blocks;
    ei->i_flags = raw->i_flags;
    ei->i_file_acl = raw->i_file_acl;
    ei->i_generation = raw->i_generation;
    libk::memcpy(ei->i_block, raw->i_block, sizeof(ei->i_block));
    ei->block_group = group;
    ei->alloc_goal = e2::group_first_block(sbi->disk, group);
    brelse(bh);
    if (node->i_size < 0) {
        kfree(ei);
        return ext2_corrupt(sb, "negative file size", ino);
    }
    ext2_set_ops(node);
    sbi->inodes.push_back(*ei);
    return node;
}

ErrorOr<void> ext2_write_inode(inode* node)
{
    super_block* sb = node->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    Ext2Inode* ei = EXT2_I(node);
    if (ext2_read_only(sb))
        return ENO(EROFS);
    e2::Inode* raw = nullptr;
    buffer_head* bh = TRY(inode_buffer(sb, static_cast<uint32_t>(node->i_ino), raw));
    if (ei->fresh) {
        libk::memset(raw, 0, sbi->geometry.inode_size);
        ei->fresh = false;
    }
    raw->i_mode = node->i_mode;
    raw->i_uid = static_cast<uint16_t>(node->i_uid);
    raw->l_i_uid_high = static_cast<uint16_t>(node->i_uid >> 16);
    raw->i_gid = static_cast<uint16_t>(node->i_gid);
    raw->l_i_gid_high = static_cast<uint16_t>(node->i_gid >> 16);
    raw->i_size = static_cast<uint32_t>(node->i_size);
    if (S_ISREG(node->i_mode)) {
        raw->i_size_high = static_cast<uint32_t>(static_cast<uint64_t>(node->i_size) >> 32);
        if (node->i_size > 0x7fffffff && !(sbi->disk.s_feature_ro_compat & e2::ro_compat_large_file)
            && sbi->disk.s_rev_level >= 1) {
            sbi->disk.s_feature_ro_compat |= e2::ro_compat_large_file;
            ext2_sync_super(sb, false);
        }
    }
    raw->i_atime = static_cast<uint32_t>(node->i_atime.tv_sec);
    raw->i_mtime = static_cast<uint32_t>(node->i_mtime.tv_sec);
    raw->i_ctime = static_cast<uint32_t>(node->i_ctime.tv_sec);
    raw->i_dtime = node->i_nlink ? 0 : static_cast<uint32_t>(ktime_get_real_seconds());
    raw->i_links_count = static_cast<uint16_t>(node->i_nlink);
    raw->i_blocks = static_cast<uint32_t>(node->i_blocks);
    raw->i_flags = ei->i_flags;
    raw->i_generation = ei->i_generation;
    raw->i_file_acl = ei->i_file_acl;
    if (S_ISCHR(node->i_mode) || S_ISBLK(node->i_mode))
        ext2_encode_dev(ei->i_block, node->i_rdev);
    libk::memcpy(raw->i_block, ei->i_block, sizeof(ei->i_block));
    mark_buffer_dirty(bh);
    brelse(bh);
    return {};
}

int ext2_drop_inode(inode*)
{
    return 1;   // no inode kept without users; the buffer cache keeps the table blocks
}

void ext2_evict_inode(inode* node)
{
    super_block* sb = node->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    Ext2Lock lock(sb);
    Ext2Inode* ei = EXT2_I(node);
    if (node->i_nlink == 0 && !ext2_read_only(sb)) {
        if (has_data_blocks(node)) {
            if (ext2_free_blocks_from(node, 0).is_error())
                pr_err("EXT2-fs (%s): blocks of inode %lu not freed\n", sb->s_id, node->i_ino);
            node->i_size = 0;
        }
        (void)ext2_write_inode(node);
        ext2_free_inode(node);
    }
    if (libk::IntrusiveList<Ext2Inode, &Ext2Inode::cache_node>::is_linked(ei->cache_node))
        sbi->inodes.remove(*ei);
}

ErrorOr<uint32_t> ext2_get_block(inode* node, uint64_t logical, bool create, uint64_t* hole_blocks, uint32_t* run)
{
    super_block* sb = node->i_sb;
    Ext2SbInfo* sbi = EXT2_SB(sb);
    Ext2Inode* ei = EXT2_I(node);
    if (run && logical - ei->run_logical < ei->run_length) {   // below run_logical wraps around
        uint32_t into = static_cast<uint32_t>(logical - ei->run_logical);
        *run = ei->run_length - into;
        return ei->run_block + into;
    }
    uint32_t p = sbi->geometry.addr_per_block;
    e2::BlockPath path;
    if (!e2::block_path(p, logical, path))
        return ENO(EFBIG);
    uint32_t block = ei->i_block[path.index[0]];
    if (block == 0) {
        if (!create) {
            // In i_block only the direct pointers are one range each.
            if (hole_blocks)
                *hole_blocks = e2::hole_length(path, 0, ei->i_block, path.depth == 0 ? e2::n_direct : 0, p);
            return 0u;
        }
        block = TRY(alloc_zeroed_block(node));
        ei->i_block[path.index[0]] = block;
        TRY(ext2_write_inode(node));
    }
    // Only a caller that asks for the run pays for scanning the table.
    uint32_t contiguous = run && path.depth == 0 ? e2::contiguous_run(ei->i_block, path.index[0], e2::n_direct) : 1;
    for (uint32_t level = 1; level <= path.depth; ++level) {
        buffer_head* bh = TRY(ext2_bread(sb, block));
        auto* pointers = reinterpret_cast<uint32_t*>(bh->b_data);
        uint32_t next = pointers[path.index[level]];
        if (run && level == path.depth && next)
            contiguous = e2::contiguous_run(pointers, path.index[level], p);
        if (next == 0) {
            if (!create) {
                if (hole_blocks)
                    *hole_blocks = e2::hole_length(path, level, pointers, p, p);
                brelse(bh);
                return 0u;
            }
            auto allocated = alloc_zeroed_block(node);
            if (allocated.is_error()) {
                brelse(bh);
                return allocated.error();
            }
            next = allocated.value();
            pointers[path.index[level]] = next;
            mark_buffer_dirty(bh);
            (void)ext2_write_inode(node);   // i_blocks grew
        }
        brelse(bh);
        block = next;
    }
    if (!ext2_valid_block(sbi, block))
        return ext2_corrupt(sb, "data block number out of range", block);
    if (run) {   // the run's blocks are valid when its last one is
        *run = ext2_valid_block(sbi, block + contiguous - 1) ? contiguous : 1;
        ei->run_logical = logical;
        ei->run_block = block;
        ei->run_length = *run;
    }
    return block;
}

ErrorOr<uint32_t> ext2_map_new_run(inode* node, uint64_t logical, uint32_t wanted, uint32_t* count)
{
    Ext2SbInfo* sbi = EXT2_SB(node->i_sb);
    uint32_t first = TRY(ext2_get_block(node, logical, true));   // and the tables on the way
    *count = 1;
    e2::BlockPath path;
    if (wanted <= 1 || !e2::block_path(sbi->geometry.addr_per_block, logical, path))
        return first;
    buffer_head* bh;
    uint32_t slots;
    uint32_t* table = TRY(map_table(node, path, &bh, &slots));
    if (!table)
        return first;
    uint32_t index = path.index[path.depth];
    uint32_t holes = 0;
    while (1 + holes < wanted && index + 1 + holes < slots && table[index + 1 + holes] == 0)
        ++holes;
    uint32_t got = ext2_claim_blocks(node->i_sb, first + 1, holes);
    for (uint32_t i = 0; i < got; ++i)
        table[index + 1 + i] = first + 1 + i;
    if (got) {
        node->i_blocks += static_cast<blkcnt_t>(got * (node->i_sb->s_blocksize / 512));
        EXT2_I(node)->alloc_goal = first + 1 + got;
        if (bh)
            mark_buffer_dirty(bh);
        (void)ext2_write_inode(node);
    }
    brelse(bh);
    *count = 1 + got;
    return first;
}

ErrorOr<void> ext2_free_blocks_from(inode* node, uint64_t from)
{
    Ext2Inode* ei = EXT2_I(node);
    ei->run_length = 0;
    uint64_t p = EXT2_SB(node->i_sb)->geometry.addr_per_block;
    bool changed = false;
    for (uint32_t i = 0; i < e2::n_direct; ++i)
        TRY(free_tree(node, &ei->i_block[i], 0, i, from, changed));
    uint64_t start = e2::n_direct;
    uint64_t span = p;
    for (uint32_t depth = 1; depth <= 3; ++depth) {
        TRY(free_tree(node, &ei->i_block[e2::n_direct - 1 + depth], depth, start, from, changed));
        start += span;
        span *= p;
    }
    return ext2_write_inode(node);
}

ErrorOr<void> ext2_truncate(inode* node, loff_t size)
{
    super_block* sb = node->i_sb;
    if (size < 0 || size > sb->s_maxbytes)
        return ENO(EFBIG);
    uint64_t block_size = sb->s_blocksize;
    if (size < node->i_size) {
        uint64_t first_freed = (static_cast<uint64_t>(size) + block_size - 1) / block_size;
        TRY(ext2_free_blocks_from(node, first_freed));
        uint64_t tail = static_cast<uint64_t>(size) % block_size;
        if (tail) {
            // The rest of the last block must read as zeros if the file grows again.
            uint32_t block = TRY(ext2_get_block(node, static_cast<uint64_t>(size) / block_size, false));
            if (block) {
                buffer_head* bh = TRY(ext2_bread(sb, block));
                libk::memset(bh->b_data + tail, 0, block_size - tail);
                mark_buffer_dirty(bh);
                brelse(bh);
            }
        }
    }
    node->i_size = size;
    return ext2_write_inode(node);
}

int ext2_setattr(inode* node, iattr* attr)
{
    super_block* sb = node->i_sb;
    if (ext2_read_only(sb))
        return -EROFS;
    Ext2Lock lock(sb);
    if (attr->ia_valid & ATTR_SIZE) {
        if (S_ISDIR(node->i_mode))
            return -EISDIR;
        if (!S_ISREG(node->i_mode))
            return -EINVAL;
        if (attr->ia_size != node->i_size)
            if (int error = ext2_errno(ext2_truncate(node, attr->ia_size)); error < 0)
                return error;
    }
    setattr_copy(node, attr);
    return ext2_errno(ext2_write_inode(node));
}
