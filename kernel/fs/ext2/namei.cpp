// ext2 directory operations on names: lookup, create, mkdir, mknod, symlink,
// link, unlink, rmdir and rename, with Linux's link-count rules.
#include "ext2.h"
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constexpr unsigned link_max = 32000;   // Linux's EXT2_LINK_MAX

// Gives up a new inode that never got a name (the evict frees its number and blocks).
void discard(inode* node)
{
    clear_nlink(node);
    iput(node);
}

// A new inode of `mode` named `name` in dir; `prepare` fills its contents first.
template<typename Prepare>
int make_node(inode* dir, const char* name, unsigned length, umode_t mode, inode** result, Prepare prepare)
{
    super_block* sb = dir->i_sb;
    if (ext2_read_only(sb))
        return -EROFS;
    if (length > e2::name_max)
        return -ENAMETOOLONG;
    Ext2Lock lock(sb);
    auto created = ext2_new_inode(dir, mode);
    if (created.is_error())
        return -created.error().code();
    inode* node = created.value();
    auto made = [&]() -> ErrorOr<void> {
        TRY(prepare(node));
        ext2_set_ops(node);
        TRY(ext2_write_inode(node));
        TRY(ext2_add_entry(dir, name, length, node));
        return {};
    }();
    if (made.is_error()) {
        discard(node);
        return -made.error().code();
    }
    if (result)
        *result = node;
    else
        iput(node);
    return 0;
}

ErrorOr<void> nothing_to_prepare(inode*) { return {}; }

int ext2_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    if (length > e2::name_max)
        return -ENAMETOOLONG;
    Ext2Lock lock(dir->i_sb);
    auto slot = ext2_find_entry(dir, name, length);
    if (slot.is_error())
        return -slot.error().code();
    uint32_t ino = slot.value().inode;
    ext2_put_slot(slot.value());
    auto node = ext2_iget(dir->i_sb, ino);
    if (node.is_error())
        return -node.error().code();
    *result = node.value();
    return 0;
}

int ext2_create(inode* dir, const char* name, unsigned length, umode_t mode, inode** result)
{
    return make_node(dir, name, length, S_IFREG | (mode & 07777), result, nothing_to_prepare);
}

int ext2_mknod(inode* dir, const char* name, unsigned length, umode_t mode, dev_t dev)
{
    if (!S_ISCHR(mode) && !S_ISBLK(mode) && !S_ISFIFO(mode) && !S_ISSOCK(mode) && !S_ISREG(mode))
        return -EINVAL;
    return make_node(dir, name, length, mode, nullptr, [dev](inode* node) -> ErrorOr<void> {
        if (S_ISCHR(node->i_mode) || S_ISBLK(node->i_mode))
            ext2_encode_dev(EXT2_I(node)->i_block, dev);
        return {};
    });
}

int ext2_symlink(inode* dir, const char* name, unsigned length, const char* target)
{
    size_t target_length = libk::strlen(target);
    if (target_length == 0)
        return -ENOENT;
    if (target_length >= dir->i_sb->s_blocksize)
        return -ENAMETOOLONG;
    return make_node(dir, name, length, S_IFLNK | 0777, nullptr, [&](inode* node) -> ErrorOr<void> {
        Ext2Inode* ei = EXT2_I(node);
        if (target_length < e2::fast_symlink_max) {
            // A fast symlink: the target lives in i_block itself.
            libk::memcpy(reinterpret_cast<char*>(ei->i_block), target, target_length);
        } else {
            uint32_t block = TRY(ext2_get_block(node, 0, true));
            buffer_head* bh = TRY(ext2_bread(node->i_sb, block));
            libk::memcpy(bh->b_data, target, target_length);
            mark_buffer_dirty(bh);
            brelse(bh);
        }
        node->i_size = static_cast<loff_t>(target_length);
        return {};
    });
}

int ext2_mkdir(inode* dir, const char* name, unsigned length, umode_t mode)
{
    if (dir->i_nlink >= link_max)
        return -EMLINK;
    Ext2Lock lock(dir->i_sb);
    int error = make_node(dir, name, length, S_IFDIR | (mode & 07777), nullptr, [dir](inode* node) -> ErrorOr<void> {
        super_block* sb = node->i_sb;
        set_nlink(node, 2);   // its entry in dir and its own "."
        uint32_t block = TRY(ext2_get_block(node, 0, true));
        buffer_head* bh = TRY(ext2_bread(sb, block));
        e2::init_dir_block(reinterpret_cast<uint8_t*>(bh->b_data), static_cast<uint32_t>(sb->s_blocksize),
            static_cast<uint32_t>(node->i_ino), static_cast<uint32_t>(dir->i_ino), EXT2_SB(sb)->filetype);
        mark_buffer_dirty(bh);
        brelse(bh);
        node->i_size = static_cast<loff_t>(sb->s_blocksize);
        return {};
    });
    if (error < 0)
        return error;
    inc_nlink(dir);   // the new ".."
    return ext2_errno(ext2_write_inode(dir));
}

int ext2_link(inode* old_inode, inode* dir, const char* name, unsigned length)
{
    if (ext2_read_only(dir->i_sb))
        return -EROFS;
    if (old_inode->i_nlink >= link_max)
        return -EMLINK;
    Ext2Lock lock(dir->i_sb);
    if (int error = ext2_errno(ext2_add_entry(dir, name, length, old_inode)); error < 0)
        return error;
    inc_nlink(old_inode);
    old_inode->i_ctime = current_time(old_inode);
    return ext2_errno(ext2_write_inode(old_inode));
}

// Removes `name` from dir; with `directory`, only an empty directory.
int remove_name(inode* dir, const char* name, unsigned length, bool directory)
{
    super_block* sb = dir->i_sb;
    if (ext2_read_only(sb))
        return -EROFS;
    Ext2Lock lock(sb);
    auto found = ext2_find_entry(dir, name, length);
    if (found.is_error())
        return -found.error().code();
    Ext2DirSlot slot = found.release_value();
    auto got = ext2_iget(sb, slot.inode);
    if (got.is_error()) {
        ext2_put_slot(slot);
        return -got.error().code();
    }
    inode* node = got.value();
    auto result = [&]() -> ErrorOr<void> {
        if (directory) {
            if (!S_ISDIR(node->i_mode))
                return ENO(ENOTDIR);
            if (!TRY(ext2_dir_is_empty(node)))
                return ENO(ENOTEMPTY);
        } else if (S_ISDIR(node->i_mode)) {
            return ENO(EISDIR);
        }
        TRY(ext2_delete_entry(dir, slot));
        node->i_ctime = current_time(node);
        if (directory) {
            clear_nlink(node);
            drop_nlink(dir);   // its ".." is gone
            TRY(ext2_write_inode(dir));
        } else {
            drop_nlink(node);
        }
        return ext2_write_inode(node);
    }();
    ext2_put_slot(slot);
    iput(node);   // the last reference to an unlinked inode frees it
    return ext2_errno(result);
}

int ext2_unlink(inode* dir, const char* name, unsigned length)
{
    return remove_name(dir, name, length, false);
}

int ext2_rmdir(inode* dir, const char* name, unsigned length)
{
    return remove_name(dir, name, length, true);
}

ErrorOr<void> do_rename(inode* old_dir, const char* old_name, unsigned old_length, inode* new_dir,
    const char* new_name, unsigned new_length, inode* node)
{
    super_block* sb = old_dir->i_sb;
    bool is_dir = S_ISDIR(node->i_mode);
    bool replaced_dir = false;
    auto target = ext2_find_entry(new_dir, new_name, new_length);
    if (!target.is_error()) {
        Ext2DirSlot slot = target.release_value();
        auto got = ext2_iget(sb, slot.inode);
        if (got.is_error()) {
            ext2_put_slot(slot);
            return got.error();
        }
        inode* victim = got.value();
        auto replaced = [&]() -> ErrorOr<void> {
            if (victim == node)
                return ENO(EEXIST);   // the same inode under both names: nothing to do
            if (S_ISDIR(victim->i_mode)) {
                if (!TRY(ext2_dir_is_empty(victim)))
                    return ENO(ENOTEMPTY);
                replaced_dir = true;
            }
            TRY(ext2_set_entry(new_dir, slot, node));
            victim->i_ctime = current_time(victim);
            if (replaced_dir)
                clear_nlink(victim);
            else
                drop_nlink(victim);
            return ext2_write_inode(victim);
        }();
        ext2_put_slot(slot);
        iput(victim);
        if (replaced.is_error())
            return replaced.error().code() == EEXIST ? ErrorOr<void> {} : replaced;
    } else if (target.error().code() == ENOENT) {
        if (new_length > e2::name_max)
            return ENO(ENAMETOOLONG);
        TRY(ext2_add_entry(new_dir, new_name, new_length, node));
    } else {
        return target.error();
    }
    // Find the old name again: adding the new one may have moved entries within the block.
    Ext2DirSlot old_slot = TRY(ext2_find_entry(old_dir, old_name, old_length));
    if (old_slot.inode != node->i_ino) {
        ext2_put_slot(old_slot);
        return ext2_corrupt(sb, "rename source changed", node->i_ino);
    }
    TRY(ext2_delete_entry(old_dir, old_slot));
    node->i_ctime = current_time(node);
    if (is_dir) {
        if (old_dir != new_dir) {
            Ext2DirSlot dotdot = TRY(ext2_dotdot(node));
            TRY(ext2_set_entry(node, dotdot, new_dir));
        }
        drop_nlink(old_dir);
        inc_nlink(new_dir);
    }
    if (replaced_dir)
        drop_nlink(new_dir);
    TRY(ext2_write_inode(node));
    TRY(ext2_write_inode(old_dir));
    return ext2_write_inode(new_dir);
}

int ext2_rename(inode* old_dir, const char* old_name, unsigned old_length, inode* new_dir, const char* new_name,
    unsigned new_length, unsigned flags)
{
    super_block* sb = old_dir->i_sb;
    if (flags)
        return -EINVAL;
    if (ext2_read_only(sb))
        return -EROFS;
    Ext2Lock lock(sb);
    auto found = ext2_find_entry(old_dir, old_name, old_length);
    if (found.is_error())
        return -found.error().code();
    uint32_t ino = found.value().inode;
    ext2_put_slot(found.value());
    auto got = ext2_iget(sb, ino);
    if (got.is_error())
        return -got.error().code();
    inode* node = got.value();
    if (S_ISDIR(node->i_mode) && old_dir != new_dir && new_dir->i_nlink >= link_max) {
        iput(node);
        return -EMLINK;
    }
    auto result = do_rename(old_dir, old_name, old_length, new_dir, new_name, new_length, node);
    iput(node);
    return ext2_errno(result);
}

} // namespace

const inode_operations ext2_dir_inode_operations = {
    .lookup = ext2_lookup,
    .create = ext2_create,
    .link = ext2_link,
    .unlink = ext2_unlink,
    .symlink = ext2_symlink,
    .mkdir = ext2_mkdir,
    .rmdir = ext2_rmdir,
    .mknod = ext2_mknod,
    .rename = ext2_rename,
    .readlink = nullptr,
    .setattr = ext2_setattr,
};

const inode_operations ext2_special_inode_operations = {
    .setattr = ext2_setattr,
};
