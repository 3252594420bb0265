// ext2 directories: linear lists of entries in the directory's blocks. Finding,
// adding, removing and retargeting entries, emptiness, and readdir.
#include "ext2.h"
#include <libk/string.h>
#include <linux/stat.h>

namespace {

uint32_t dir_block_count(inode* dir)
{
    uint64_t block_size = dir->i_sb->s_blocksize;
    return static_cast<uint32_t>((static_cast<uint64_t>(dir->i_size) + block_size - 1) / block_size);
}

// Block `index` of a directory, checked entry by entry; held.
ErrorOr<buffer_head*> dir_block(inode* dir, uint32_t index)
{
    super_block* sb = dir->i_sb;
    uint32_t block = TRY(ext2_get_block(dir, index, false));
    if (block == 0)
        return ext2_corrupt(sb, "hole in a directory", dir->i_ino);
    buffer_head* bh = TRY(ext2_bread(sb, block));
    const char* problem = e2::check_dir_block(reinterpret_cast<const uint8_t*>(bh->b_data),
        static_cast<uint32_t>(sb->s_blocksize), EXT2_SB(sb)->disk.s_inodes_count);
    if (problem) {
        brelse(bh);
        pr_crit("EXT2-fs error (device %s): ext2_check_page: bad entry in directory #%lu: %s - block %u\n", sb->s_id,
            dir->i_ino, problem, index);
        if (!ext2_read_only(sb))
            EXT2_SB(sb)->disk.s_state |= e2::state_error;
        return ENO(EIO);
    }
    return bh;
}

uint8_t entry_type(inode* dir, inode* node)
{
    return EXT2_SB(dir->i_sb)->filetype ? e2::file_type_of_mode(node->i_mode) : 0;
}

unsigned dt_of(uint8_t file_type)
{
    switch (file_type) {
    case e2::ft_reg_file: return DT_REG;
    case e2::ft_dir: return DT_DIR;
    case e2::ft_chrdev: return DT_CHR;
    case e2::ft_blkdev: return DT_BLK;
    case e2::ft_fifo: return DT_FIFO;
    case e2::ft_sock: return DT_SOCK;
    case e2::ft_symlink: return DT_LNK;
    default: return DT_UNKNOWN;
    }
}

void touch(inode* dir)
{
    dir->i_mtime = dir->i_ctime = current_time(dir);
}

int ext2_readdir(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    super_block* sb = dir->i_sb;
    Ext2Lock lock(sb);
    Ext2SbInfo* sbi = EXT2_SB(sb);
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    while (ctx->pos >= 0 && ctx->pos < dir->i_size) {
        uint32_t index = static_cast<uint32_t>(ctx->pos / block_size);
        uint32_t start = static_cast<uint32_t>(ctx->pos % block_size);
        auto bh = dir_block(dir, index);
        if (bh.is_error())
            return -bh.error().code();
        auto* data = reinterpret_cast<const uint8_t*>(bh.value()->b_data);
        uint32_t offset = 0;
        while (offset < block_size) {
            e2::DirEntry entry;
            (void)e2::read_dir_entry(data, block_size, offset, sbi->disk.s_inodes_count, entry);   // checked above
            offset += entry.rec_len;
            if (entry.offset < start || entry.inode == 0)
                continue;
            ctx->pos = static_cast<loff_t>(index) * block_size + entry.offset;
            if (!dir_emit(ctx, entry.name, static_cast<int>(entry.name_len), entry.inode, dt_of(entry.file_type))) {
                brelse(bh.value());
                return 0;
            }
        }
        brelse(bh.value());
        ctx->pos = static_cast<loff_t>(index + 1) * block_size;
    }
    return 0;
}

} // namespace

void ext2_put_slot(Ext2DirSlot& slot)
{
    if (slot.bh)
        brelse(slot.bh);
    slot.bh = nullptr;
}

ErrorOr<Ext2DirSlot> ext2_find_entry(inode* dir, const char* name, unsigned length)
{
    super_block* sb = dir->i_sb;
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    uint32_t inodes_count = EXT2_SB(sb)->disk.s_inodes_count;
    uint32_t blocks = dir_block_count(dir);
    for (uint32_t index = 0; index < blocks; ++index) {
        buffer_head* bh = TRY(dir_block(dir, index));
        auto* data = reinterpret_cast<const uint8_t*>(bh->b_data);
        uint32_t offset = 0;
        int previous = -1;
        while (offset < block_size) {
            e2::DirEntry entry;
            (void)e2::read_dir_entry(data, block_size, offset, inodes_count, entry);
            if (entry.inode != 0 && entry.name_len == length && libk::memcmp(entry.name, name, length) == 0)
                return Ext2DirSlot { bh, offset, previous, entry.inode };
            previous = static_cast<int>(offset);
            offset += entry.rec_len;
        }
        brelse(bh);
    }
    return ENO(ENOENT);
}

ErrorOr<Ext2DirSlot> ext2_dotdot(inode* dir)
{
    return ext2_find_entry(dir, "..", 2);
}

ErrorOr<void> ext2_add_entry(inode* dir, const char* name, unsigned length, inode* node)
{
    super_block* sb = dir->i_sb;
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    if (length == 0 || length > e2::name_max)
        return ENO(ENAMETOOLONG);
    uint8_t type = entry_type(dir, node);
    uint32_t blocks = dir_block_count(dir);
    for (uint32_t index = 0; index < blocks; ++index) {
        buffer_head* bh = TRY(dir_block(dir, index));
        auto* data = reinterpret_cast<uint8_t*>(bh->b_data);
        int slot = e2::find_dir_slot(data, block_size, length);
        if (slot >= 0) {
            e2::insert_dir_entry(data, static_cast<uint32_t>(slot), static_cast<uint32_t>(node->i_ino), name, length,
                type);
            mark_buffer_dirty(bh);
            brelse(bh);
            touch(dir);
            return ext2_write_inode(dir);
        }
        brelse(bh);
    }
    // Every block is full: the directory grows by one block.
    uint32_t block = TRY(ext2_get_block(dir, blocks, true));
    buffer_head* bh = TRY(ext2_bread(sb, block));
    auto* data = reinterpret_cast<uint8_t*>(bh->b_data);
    e2::init_empty_dir_block(data, block_size);
    e2::insert_dir_entry(data, 0, static_cast<uint32_t>(node->i_ino), name, length, type);
    mark_buffer_dirty(bh);
    brelse(bh);
    dir->i_size = static_cast<loff_t>(blocks + 1) * block_size;
    touch(dir);
    return ext2_write_inode(dir);
}

ErrorOr<void> ext2_delete_entry(inode* dir, Ext2DirSlot& slot)
{
    e2::remove_dir_entry(reinterpret_cast<uint8_t*>(slot.bh->b_data), slot.previous, slot.offset);
    mark_buffer_dirty(slot.bh);
    ext2_put_slot(slot);
    touch(dir);
    return ext2_write_inode(dir);
}

ErrorOr<void> ext2_set_entry(inode* dir, Ext2DirSlot& slot, inode* node)
{
    auto* header = reinterpret_cast<e2::DirEntryHeader*>(slot.bh->b_data + slot.offset);
    header->inode = static_cast<uint32_t>(node->i_ino);
    header->file_type = entry_type(dir, node);
    mark_buffer_dirty(slot.bh);
    ext2_put_slot(slot);
    touch(dir);
    return ext2_write_inode(dir);
}

ErrorOr<bool> ext2_dir_is_empty(inode* dir)
{
    super_block* sb = dir->i_sb;
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    uint32_t inodes_count = EXT2_SB(sb)->disk.s_inodes_count;
    uint32_t blocks = dir_block_count(dir);
    for (uint32_t index = 0; index < blocks; ++index) {
        buffer_head* bh = TRY(dir_block(dir, index));
        auto* data = reinterpret_cast<const uint8_t*>(bh->b_data);
        uint32_t offset = 0;
        while (offset < block_size) {
            e2::DirEntry entry;
            (void)e2::read_dir_entry(data, block_size, offset, inodes_count, entry);
            offset += entry.rec_len;
            if (entry.inode == 0)
                continue;
            bool dot = entry.name_len == 1 && entry.name[0] == '.';
            bool dotdot = entry.name_len == 2 && entry.name[0] == '.' && entry.name[1] == '.';
            if (!dot && !dotdot) {
                brelse(bh);
                return false;
            }
        }
        brelse(bh);
    }
    return true;
}

const file_operations ext2_dir_operations = {
    .owner = nullptr,
    .llseek = generic_file_llseek,
    .iterate_shared = ext2_readdir,
    .fsync = noop_fsync,
};
