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
    UserPath path(name);
    if (path.error())
        return path.error();
    if (!path.get()[0] && (flags & AT_EMPTY_PATH)) {
        file* f = dfd == AT_FDCWD ? nullptr : fget(dfd);
        if (dfd == AT_FDCWD) {
            Path pwd = current_pwd();
            return copy_stat(pwd.node, buffer);
        }
        if (!f)
            return -EBADF;
        long result = copy_stat(file_inode(f), buffer);
        fput(f);
        return result;
    }
    auto lookup = path_lookup(dfd, path.get(), (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW);
    if (lookup.is_error())
        return -lookup.error().code();
    Path found = lookup.release_value();
    long result = copy_stat(found.node, buffer);
    path_put(found);
    return result;
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
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result = copy_stat(file_inode(f), buffer);
    fput(f);
    return result;
}

extern "C" long sys_statfs64(const char __user* name, size_t size, statfs64_user __user* buffer)
{
    if (size != sizeof(statfs64_user))
        return -EINVAL;
    UserPath path(name);
    if (path.error())
        return path.error();
    auto lookup = kern_path(path.get(), LOOKUP_FOLLOW);
    if (lookup.is_error())
        return -lookup.error().code();
    Path found = lookup.release_value();
    super_block* sb = found.mnt->mnt_sb;
    kstatfs stats {};
    stats.f_type = static_cast<long>(sb->s_magic);
    stats.f_bsize = static_cast<long>(sb->s_blocksize);
    stats.f_frsize = static_cast<long>(sb->s_blocksize);
    stats.f_namelen = NAME_MAX;
    long result = 0;
    if (sb->s_op && sb->s_op->statfs)
        result = sb->s_op->statfs(sb, &stats);
    stats.f_flags = static_cast<long>(found.mnt->mnt_flags);
    path_put(found);
    if (result < 0)
        return result;
    statfs64_user out {};
    out.f_type = static_cast<uint32_t>(stats.f_type);
    out.f_bsize = static_cast<uint32_t>(stats.f_bsize);
    out.f_blocks = stats.f_blocks;
    out.f_bfree = stats.f_bfree;
    out.f_bavail = stats.f_bavail;
    out.f_files = stats.f_files;
    out.f_ffree = stats.f_ffree;
    out.f_namelen = static_cast<uint32_t>(stats.f_namelen);
    out.f_frsize = static_cast<uint32_t>(stats.f_frsize);
    out.f_flags = static_cast<uint32_t>(stats.f_flags);
    return copy_to_user(buffer, &out, sizeof(out)) ? -EFAULT : 0;
}
