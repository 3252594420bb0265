// stat64, lstat64, fstat64, fstatat64 and statfs64: inode attributes in the
// i386 layouts.
#include "internal.h"
#include <asm/stat.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

namespace {

// struct statfs64 as i386 lays it out (packed to 4: 84 bytes). No uapi header for it yet.
struct __attribute__((packed, aligned(4))) statfs64_user {
    uint32_t f_type;
    uint32_t f_bsize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;
    uint64_t f_files;
    uint64_t f_ffree;
    int32_t f_fsid[2];
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;
    uint32_t f_spare[4];
};
static_assert(sizeof(statfs64_user) == 84);

void fill_stat64(inode* node, struct stat64& st)
{
    libk::memset(&st, 0, sizeof(st));
    st.st_dev = new_encode_dev(node->i_sb ? node->i_sb->s_dev : 0);
    st.__st_ino = node->i_ino;
    st.st_ino = node->i_ino;
    st.st_mode = node->i_mode;
    st.st_nlink = node->i_nlink;
    st.st_uid = node->i_uid;
    st.st_gid = node->i_gid;
    st.st_rdev = new_encode_dev(node->i_rdev);
    st.st_size = node->i_size;
    st.st_blksize = 4096;
    st.st_blocks = node->i_blocks;
    st.st_atime = static_cast<unsigned long>(node->i_atime.tv_sec);
    st.st_atime_nsec = static_cast<unsigned long>(node->i_atime.tv_nsec);
    st.st_mtime = static_cast<unsigned long>(node->i_mtime.tv_sec);
    st.st_mtime_nsec = static_cast<unsigned>(node->i_mtime.tv_nsec);
    st.st_ctime = static_cast<unsigned long>(node->i_ctime.tv_sec);
    st.st_ctime_nsec = static_cast<unsigned long>(node->i_ctime.tv_nsec);
}

long copy_stat(inode* node, struct stat64 __user* buffer)
{
    struct stat64 st;
    fill_stat64(node, st);
    return copy_to_user(buffer, &st, sizeof(st)) ? -EFAULT : 0;
}

} // namespace

extern "C" long sys_fstatat64(int dfd, const char __user* name, struct stat64 __user* buffer, int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
        return -EINVAL;
    return with_user_path(dfd, name, at_lookup_flags(flags), flags & AT_EMPTY_PATH,
        [&](Path& path) { return copy_stat(path.node, buffer); });
}

extern "C" long sys_stat64(const char __user* name, struct stat64 __user* buffer)
{
    return sys_fstatat64(AT_FDCWD, name, buffer, 0);
}

extern "C" long sys_lstat64(const char __user* name, struct stat64 __user* buffer)
{
    return sys_fstatat64(AT_FDCWD, name, buffer, AT_SYMLINK_NOFOLLOW);
}

extern "C" long sys_fstat64(unsigned long fd, struct stat64 __user* buffer)
{
    return with_fd_path(static_cast<int>(fd), [&](Path& path) { return copy_stat(path.node, buffer); });
}

namespace {

// statfs of the file system holding `node` (reached through `mnt`, nullptr for pipes).
long vfs_statfs(vfsmount* mnt, inode* node, kstatfs& stats)
{
    super_block* sb = node->i_sb;
    // Linux's simple_statfs as the default: in-memory file systems (ramfs, proc,
    // sysfs, debugfs) need no statfs of their own; a disk fills in its blocks.
    stats = kstatfs {};
    stats.f_type = static_cast<long>(sb->s_magic);
    stats.f_bsize = static_cast<long>(sb->s_blocksize ? sb->s_blocksize : 4096);
    stats.f_frsize = stats.f_bsize;
    stats.f_namelen = NAME_MAX;
    stats.f_fsid[0] = static_cast<int>(new_encode_dev(sb->s_dev));
    if (sb->s_op && sb->s_op->statfs)
        if (int error = sb->s_op->statfs(sb, &stats); error < 0)
            return error;
    // The mount flags as ST_* (same bits as MS_RDONLY, NOSUID, NODEV, NOEXEC,
    // SYNCHRONOUS, MANDLOCK, NOATIME, NODIRATIME, RELATIME), plus ST_VALID.
    constexpr unsigned long st_bits = 1 | 2 | 4 | 8 | 16 | 64 | 1024 | 2048 | 4096;
    stats.f_flags = static_cast<long>((mnt ? mnt->mnt_flags : 0) & st_bits) | 0x20;
    return 0;
}

// struct statfs of statfs(99)/fstatfs(100) on i386: 32-bit counts (64 bytes).
struct statfs_user {
    uint32_t f_type;
    uint32_t f_bsize;
    uint32_t f_blocks;
    uint32_t f_bfree;
    uint32_t f_bavail;
    uint32_t f_files;
    uint32_t f_ffree;
    int32_t f_fsid[2];
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;
    uint32_t f_spare[4];
};
static_assert(sizeof(statfs_user) == 64);

// statfs64 and statfs fill the same fields, each at its layout's width.
template<typename Out>
long copy_statfs_fields(const kstatfs& stats, Out __user* buffer)
{
    Out out {};
    out.f_type = static_cast<uint32_t>(stats.f_type);
    out.f_bsize = static_cast<uint32_t>(stats.f_bsize);
    out.f_blocks = static_cast<decltype(out.f_blocks)>(stats.f_blocks);
    out.f_bfree = static_cast<decltype(out.f_bfree)>(stats.f_bfree);
    out.f_bavail = static_cast<decltype(out.f_bavail)>(stats.f_bavail);
    out.f_files = static_cast<decltype(out.f_files)>(stats.f_files);
    out.f_ffree = static_cast<decltype(out.f_ffree)>(stats.f_ffree);
    out.f_fsid[0] = stats.f_fsid[0];
    out.f_fsid[1] = stats.f_fsid[1];
    out.f_namelen = static_cast<uint32_t>(stats.f_namelen);
    out.f_frsize = static_cast<uint32_t>(stats.f_frsize);
    out.f_flags = static_cast<uint32_t>(stats.f_flags);
    return copy_to_user(buffer, &out, sizeof(out)) ? -EFAULT : 0;
}

long copy_statfs64(const kstatfs& stats, statfs64_user __user* buffer)
{
    return copy_statfs_fields(stats, buffer);
}

long copy_statfs(const kstatfs& stats, statfs_user __user* buffer)
{
    // Linux's put_compat_statfs: counts that do not fit are EOVERFLOW (-1 means "unknown" and passes).
    auto fits = [](u64 value) { return value <= 0xffffffffull || value == ~0ull; };
    if (!fits(stats.f_blocks) || !fits(stats.f_bfree) || !fits(stats.f_bavail) || !fits(stats.f_files)
        || !fits(stats.f_ffree))
        return -EOVERFLOW;
    return copy_statfs_fields(stats, buffer);
}

// Runs statfs on a user path or an fd, then `copy` to user space.
template<typename Copy>
long statfs_path(const char __user* name, Copy copy)
{
    kstatfs stats;
    long result = with_user_path(AT_FDCWD, name, LOOKUP_FOLLOW, false,
        [&](Path& path) { return vfs_statfs(path.mnt, path.node, stats); });
    return result < 0 ? result : copy(stats);
}

template<typename Copy>
long statfs_fd(unsigned int fd, Copy copy)
{
    kstatfs stats;
    long result = with_fd_path(static_cast<int>(fd), [&](Path& path) { return vfs_statfs(path.mnt, path.node, stats); });
    return result < 0 ? result : copy(stats);
}

} // namespace

extern "C" long sys_statfs64(const char __user* name, size_t size, statfs64_user __user* buffer)
{
    if (size != sizeof(statfs64_user))
        return -EINVAL;
    return statfs_path(name, [&](const kstatfs& stats) { return copy_statfs64(stats, buffer); });
}

extern "C" long sys_fstatfs64(unsigned int fd, size_t size, statfs64_user __user* buffer)
{
    if (size != sizeof(statfs64_user))
        return -EINVAL;
    return statfs_fd(fd, [&](const kstatfs& stats) { return copy_statfs64(stats, buffer); });
}

extern "C" long sys_statfs(const char __user* name, statfs_user __user* buffer)
{
    return statfs_path(name, [&](const kstatfs& stats) { return copy_statfs(stats, buffer); });
}

extern "C" long sys_fstatfs(unsigned int fd, statfs_user __user* buffer)
{
    return statfs_fd(fd, [&](const kstatfs& stats) { return copy_statfs(stats, buffer); });
}
