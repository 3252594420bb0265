// fallocate (324) and fadvise64 / fadvise64_64 (250 / 272), with i386's split
// 64-bit arguments (Linux's sys_ia32_* wrappers).
#include "internal.h"
#include <linux/falloc.h>
#include <linux/stat.h>

namespace {

loff_t join(uint32_t low, uint32_t high)
{
    return static_cast<loff_t>((static_cast<uint64_t>(high) << 32) | low);
}

long do_fallocate(int fd, int mode, loff_t offset, loff_t length)
{
    if (offset < 0 || length <= 0)
        return -EINVAL;
    if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_COLLAPSE_RANGE
                 | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_NO_HIDE_STALE))
        return -EOPNOTSUPP;
    if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
        return -EOPNOTSUPP;
    file* f = fget(fd);
    if (!f)
        return -EBADF;
    inode* node = file_inode(f);
    long result;
    if (!(f->f_mode & FMODE_WRITE))
        result = -EBADF;
    else if (S_ISFIFO(node->i_mode))
        result = -ESPIPE;
    else if (S_ISDIR(node->i_mode))
        result = -EISDIR;
    else if (!S_ISREG(node->i_mode))
        result = -ENODEV;
    else if (offset + length < 0 || (node->i_sb && offset + length > node->i_sb->s_maxbytes && node->i_sb->s_maxbytes))
        result = -EFBIG;
    else if (f->f_vfsmnt && (f->f_vfsmnt->mnt_flags & 1 /* MS_RDONLY */))
        result = -EROFS;
    else if (!f->f_op || !f->f_op->fallocate)
        result = -EOPNOTSUPP;
    else
        result = f->f_op->fallocate(f, mode, offset, length);
    fput(f);
    return result;
}

// posix_fadvise is only a hint: kernlab has no page cache to steer, so a
// valid request succeeds and changes nothing (what Linux does on tmpfs too).
long do_fadvise(int fd, loff_t offset, loff_t length, int advice)
{
    (void)offset;
    file* f = fget(fd);
    if (!f)
        return -EBADF;
    long result = 0;
    if (S_ISFIFO(file_inode(f)->i_mode))
        result = -ESPIPE;
    else if (length < 0 || advice < 0 || advice > 5)   // POSIX_FADV_NORMAL .. POSIX_FADV_NOREUSE
        result = -EINVAL;
    fput(f);
    return result;
}

} // namespace

extern "C" long sys_fallocate(int fd, int mode, uint32_t offset_low, uint32_t offset_high, uint32_t length_low,
    uint32_t length_high)
{
    return do_fallocate(fd, mode, join(offset_low, offset_high), join(length_low, length_high));
}

extern "C" long sys_fadvise64_64(int fd, uint32_t offset_low, uint32_t offset_high, uint32_t length_low,
    uint32_t length_high, int advice)
{
    return do_fadvise(fd, join(offset_low, offset_high), join(length_low, length_high), advice);
}

extern "C" long sys_fadvise64(int fd, uint32_t offset_low, uint32_t offset_high, size_t length, int advice)
{
    return do_fadvise(fd, join(offset_low, offset_high), static_cast<loff_t>(length), advice);
}
