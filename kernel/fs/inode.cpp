// Inode life cycle: allocation, references, eviction, ownership and the
// attribute helpers file systems share.
#include "internal.h"
#include <linux/blkdev.h>
#include <kernel/mm.h>
#include <linux/stat.h>

namespace {
constinit unsigned long next_ino = 1000;
}

extern "C" unsigned long get_next_ino(void)
{
    return ++next_ino;
}

extern "C" struct inode* new_inode(struct super_block* sb)
{
    auto* node = static_cast<inode*>(kzalloc(sizeof(inode), GFP_KERNEL));
    if (!node)
        return nullptr;
    node->i_sb = sb;
    node->i_count = 1;
    node->i_nlink = 1;
    node->i_ino = get_next_ino();
    node->i_atime = node->i_mtime = node->i_ctime = current_time(node);
    return node;
}

extern "C" void ihold(struct inode* node)
{
    ++node->i_count;
}

extern "C" void iput(struct inode* node)
{
    if (!node)
        return;
    if (--node->i_count > 0)
        return;
    const super_operations* ops = node->i_sb ? node->i_sb->s_op : nullptr;
    bool drop = node->i_nlink == 0 || (ops && ops->drop_inode && ops->drop_inode(node));
    if (!drop)
        return;   // still linked: the file system keeps it (i_count 0 means "cached")
    if (ops && ops->evict_inode)
        ops->evict_inode(node);
    kfree(node);
}

extern "C" void inode_init_owner(struct inode* node, const struct inode* dir, umode_t mode)
{
    node->i_uid = current_fsuid();
    if (dir && (dir->i_mode & S_ISGID)) {
        node->i_gid = dir->i_gid;   // BSD group semantics of a setgid directory
        if (S_ISDIR(mode))
            mode |= S_ISGID;
    } else {
        node->i_gid = current_fsgid();
    }
    node->i_mode = mode;
}

extern "C" struct timespec64 current_time(struct inode*)
{
    return timespec64 { ktime_get_real_seconds(), 0 };
}

extern "C" void init_special_inode(struct inode* node, umode_t mode, dev_t rdev)
{
    node->i_mode = mode;
    if (S_ISCHR(mode)) {
        node->i_fop = &def_chr_fops;
        node->i_rdev = rdev;
    } else if (S_ISBLK(mode)) {
        node->i_fop = &def_blk_fops;   // kernel/block/bdev_file.cpp
        node->i_rdev = rdev;
    } else if (S_ISFIFO(mode)) {
        node->i_fop = &pipefifo_fops;
    }
}

extern "C" int inode_permission(struct inode* node, int mask)
{
    mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
    // A file system's own check replaces the mode bits, root's included (Linux 2.6).
    if (node->i_op && node->i_op->permission)
        return node->i_op->permission(node, mask, nullptr);
    return generic_permission(node, mask);
}

extern "C" int generic_permission(struct inode* node, int mask)
{
    mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
    umode_t mode = node->i_mode;
    if (current_fsuid() == 0) {
        // Root may read and write anything, and execute anything with some x bit
        // (directories are always searchable).
        if ((mask & MAY_EXEC) && !S_ISDIR(mode) && !(mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
            return -EACCES;
        return 0;
    }
    unsigned bits;
    if (current_fsuid() == node->i_uid)
        bits = (mode >> 6) & 7;
    else if (in_group_p(node->i_gid))
        bits = (mode >> 3) & 7;
    else
        bits = mode & 7;
    return (mask & ~bits) ? -EACCES : 0;
}

extern "C" void setattr_copy(struct inode* node, const struct iattr* attr)
{
    if (attr->ia_valid & ATTR_UID)
        node->i_uid = attr->ia_uid;
    if (attr->ia_valid & ATTR_GID)
        node->i_gid = attr->ia_gid;
    if (attr->ia_valid & ATTR_MODE)
        node->i_mode = (node->i_mode & S_IFMT) | (attr->ia_mode & 07777);
    if (attr->ia_valid & ATTR_ATIME)
        node->i_atime = attr->ia_atime;
    if (attr->ia_valid & ATTR_MTIME)
        node->i_mtime = attr->ia_mtime;
    if (attr->ia_valid & ATTR_CTIME)
        node->i_ctime = attr->ia_ctime;
}

ErrorOr<void> notify_change(inode* node, iattr* attr)
{
    timespec64 now = current_time(node);
    if (!(attr->ia_valid & ATTR_CTIME)) {
        attr->ia_ctime = now;
        attr->ia_valid |= ATTR_CTIME;
    }
    if (attr->ia_valid & ATTR_SIZE) {
        if (attr->ia_size < 0)
            return ENO(EINVAL);
        if (!(attr->ia_valid & ATTR_MTIME)) {
            attr->ia_mtime = now;
            attr->ia_valid |= ATTR_MTIME;
        }
    }
    if (node->i_op && node->i_op->setattr) {
        int error = node->i_op->setattr(node, attr);
        if (error < 0)
            return errno_error(error);
        return {};
    }
    if (attr->ia_valid & ATTR_SIZE)
        return ENO(EPERM);   // a file system without setattr has no data to resize
    setattr_copy(node, attr);
    return {};
}

ErrorOr<inode*> lookup_one(inode* dir, const char* name, size_t length)
{
    if (!S_ISDIR(dir->i_mode))
        return ENO(ENOTDIR);
    if (!dir->i_op || !dir->i_op->lookup)
        return ENO(ENOENT);
    inode* result = nullptr;
    int error = dir->i_op->lookup(dir, name, static_cast<unsigned>(length), &result);
    if (error < 0)
        return errno_error(error);
    if (!result)
        return ENO(ENOENT);
    return result;
}
