// statx (383): inode attributes in struct statx, the layout every architecture
// shares; the AT_* flags pick the file, the mask says which fields are filled.
#include "internal.h"
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

namespace {

constexpr unsigned STATX__RESERVED = 0x80000000U;

statx_timestamp to_statx_time(const timespec64& ts)
{
    return statx_timestamp { ts.tv_sec, static_cast<__u32>(ts.tv_nsec), 0 };
}

void fill_statx(const Path& path, struct statx& stx)
{
    inode* node = path.node;
    libk::memset(&stx, 0, sizeof(stx));
    // What every file system here keeps: the basic stats (no birth time, no
    // mount id: vfsmount has no id yet). Linux fills them whatever was asked.
    stx.stx_mask = STATX_BASIC_STATS;
    stx.stx_blksize = 4096;
    stx.stx_nlink = node->i_nlink;
    stx.stx_uid = node->i_uid;
    stx.stx_gid = node->i_gid;
    stx.stx_mode = node->i_mode;
    stx.stx_ino = node->i_ino;
    stx.stx_size = static_cast<__u64>(node->i_size);
    stx.stx_blocks = static_cast<__u64>(node->i_blocks);
    stx.stx_atime = to_statx_time(node->i_atime);
    stx.stx_mtime = to_statx_time(node->i_mtime);
    stx.stx_ctime = to_statx_time(node->i_ctime);
    stx.stx_rdev_major = MAJOR(node->i_rdev);
    stx.stx_rdev_minor = MINOR(node->i_rdev);
    dev_t dev = node->i_sb ? node->i_sb->s_dev : 0;
    stx.stx_dev_major = MAJOR(dev);
    stx.stx_dev_minor = MINOR(dev);
    stx.stx_attributes_mask = STATX_ATTR_MOUNT_ROOT;
    if (path.mnt && path.mnt->mnt_root == node)
        stx.stx_attributes |= STATX_ATTR_MOUNT_ROOT;
}

} // namespace

extern "C" long sys_statx(int dfd, const char __user* name, unsigned flags, unsigned mask,
    struct statx __user* buffer)
{
    if (mask & STATX__RESERVED)
        return -EINVAL;
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
        return -EINVAL;
    if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
        return -EINVAL;
    struct statx stx;
    long result = with_user_path(dfd, name, at_lookup_flags(static_cast<int>(flags)), flags & AT_EMPTY_PATH,
        [&](Path& path) {
            fill_statx(path, stx);
            return 0L;
        });
    if (result < 0)
        return result;
    return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}
