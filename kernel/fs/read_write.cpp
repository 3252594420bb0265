// Reading, writing and seeking: the VFS side (mode checks, O_APPEND) and the
// read/write/lseek/_llseek/readv/writev/pread64/pwrite64 system calls.
#include "internal.h"
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

namespace {

constexpr size_t MAX_RW_COUNT = 0x7ffff000;   // Linux caps one transfer below 2 GiB
constexpr int UIO_MAXIOV = 1024;

struct iovec_user {   // struct iovec (linux/uio.h) on i386
    void __user* iov_base;
    size_t iov_len;
};


} // namespace

ssize_t vfs_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    if (!(f->f_mode & FMODE_READ))
        return -EBADF;
    if (S_ISDIR(file_inode(f)->i_mode))
        return -EISDIR;
    if (!f->f_op || !f->f_op->read)
        return -EINVAL;
    if (count > MAX_RW_COUNT)
        count = MAX_RW_COUNT;
    if (count && !access_ok(buffer, count))
        return -EFAULT;
    return f->f_op->read(f, buffer, count, pos);
}

ssize_t vfs_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    if (!(f->f_mode & FMODE_WRITE))
        return -EBADF;
    if (!f->f_op || !f->f_op->write)
        return -EINVAL;
    if (count > MAX_RW_COUNT)
        count = MAX_RW_COUNT;
    if (count && !access_ok(buffer, count))
        return -EFAULT;
    if ((f->f_flags & O_APPEND) && S_ISREG(file_inode(f)->i_mode))
        *pos = i_size_read(file_inode(f));
    return f->f_op->write(f, buffer, count, pos);
}

ssize_t kernel_read(file* f, void* buffer, size_t count, loff_t* pos)
{
    ScopedKernelDs kernel_ds;
    return vfs_read(f, static_cast<char*>(buffer), count, pos);
}

ssize_t kernel_write(file* f, const void* buffer, size_t count, loff_t* pos)
{
    ScopedKernelDs kernel_ds;
    return vfs_write(f, static_cast<const char*>(buffer), count, pos);
}

// ---- ready-made llseek implementations ----

extern "C" loff_t no_llseek(struct file*, loff_t, int)
{
    return -ESPIPE;
}

extern "C" loff_t noop_llseek(struct file* f, loff_t, int)
{
    return f->f_pos;
}

extern "C" loff_t fixed_size_llseek(struct file* f, loff_t offset, int whence, loff_t size)
{
    loff_t base;
    switch (whence) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = f->f_pos; break;
    case SEEK_END: base = size; break;
    default: return -EINVAL;
    }
    loff_t result = base + offset;
    if (result < 0)
        return -EINVAL;
    f->f_pos = result;
    return result;
}

extern "C" loff_t generic_file_llseek(struct file* f, loff_t offset, int whence)
{
    loff_t size = i_size_read(file_inode(f));
    if (whence == SEEK_DATA || whence == SEEK_HOLE) {
        // As Linux's generic version: the whole file is data, a hole starts at its end.
        if (offset < 0 || offset >= size)
            return -ENXIO;
        f->f_pos = whence == SEEK_DATA ? offset : size;
        return f->f_pos;
    }
    return fixed_size_llseek(f, offset, whence, size);
}

extern "C" loff_t default_llseek(struct file* f, loff_t offset, int whence)
{
    return generic_file_llseek(f, offset, whence);
}

extern "C" ssize_t simple_read_from_buffer(void __user* to, size_t count, loff_t* ppos, const void* from,
    size_t available)
{
    loff_t pos = *ppos;
    if (pos < 0)
        return -EINVAL;
    if (pos >= static_cast<loff_t>(available) || !count)
        return 0;
    size_t n = libk::min(count, available - static_cast<size_t>(pos));
    size_t left = copy_to_user(to, static_cast<const char*>(from) + pos, n);
    if (left == n)
        return -EFAULT;
    n -= left;
    *ppos = pos + n;
    return static_cast<ssize_t>(n);
}

extern "C" ssize_t simple_write_to_buffer(void* to, size_t available, loff_t* ppos, const void __user* from,
    size_t count)
{
    loff_t pos = *ppos;
    if (pos < 0)
        return -EINVAL;
    if (pos >= static_cast<loff_t>(available) || !count)
        return 0;
    size_t n = libk::min(count, available - static_cast<size_t>(pos));
    size_t left = copy_from_user(static_cast<char*>(to) + pos, from, n);
    if (left == n)
        return -EFAULT;
    n -= left;
    *ppos = pos + n;
    return static_cast<ssize_t>(n);
}

extern "C" int noop_fsync(struct file*, loff_t, loff_t, int)
{
    return 0;
}

loff_t vfs_llseek(file* f, loff_t offset, int whence)
{
    if (!(f->f_mode & FMODE_LSEEK) || !f->f_op || !f->f_op->llseek)
        return -ESPIPE;
    return f->f_op->llseek(f, offset, whence);
}

// ---- system calls ----

extern "C" long sys_read(unsigned int fd, char __user* buffer, size_t count)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    loff_t pos = f->f_pos;
    ssize_t result = vfs_read(f, buffer, count, &pos);
    if (result >= 0)
        f->f_pos = pos;
    fput(f);
    return user_result(result);
}

extern "C" long sys_write(unsigned int fd, const char __user* buffer, size_t count)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    loff_t pos = f->f_pos;
    ssize_t result = vfs_write(f, buffer, count, &pos);
    if (result >= 0)
        f->f_pos = pos;
    fput(f);
    return user_result(result);
}

extern "C" long sys_pread64(unsigned int fd, char __user* buffer, size_t count, unsigned long pos_low,
    unsigned long pos_high)
{
    loff_t pos = static_cast<loff_t>((static_cast<uint64_t>(pos_high) << 32) | pos_low);
    if (pos < 0)
        return -EINVAL;
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    ssize_t result = (f->f_mode & FMODE_PREAD) ? vfs_read(f, buffer, count, &pos) : -ESPIPE;
    fput(f);
    return user_result(result);
}

extern "C" long sys_pwrite64(unsigned int fd, const char __user* buffer, size_t count, unsigned long pos_low,
    unsigned long pos_high)
{
    loff_t pos = static_cast<loff_t>((static_cast<uint64_t>(pos_high) << 32) | pos_low);
    if (pos < 0)
        return -EINVAL;
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    ssize_t result = (f->f_mode & FMODE_PWRITE) ? vfs_write(f, buffer, count, &pos) : -ESPIPE;
    fput(f);
    return user_result(result);
}

extern "C" long sys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    loff_t result = whence <= SEEK_HOLE ? vfs_llseek(f, offset, static_cast<int>(whence)) : -EINVAL;
    fput(f);
    if (result > 0x7fffffff)
        return -EOVERFLOW;
    return static_cast<long>(result);
}

extern "C" long sys_llseek(unsigned int fd, unsigned long offset_high, unsigned long offset_low,
    loff_t __user* result, unsigned int whence)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    loff_t offset = static_cast<loff_t>((static_cast<uint64_t>(offset_high) << 32) | offset_low);
    loff_t position = whence <= SEEK_HOLE ? vfs_llseek(f, offset, static_cast<int>(whence)) : -EINVAL;
    fput(f);
    if (position < 0)
        return static_cast<long>(position);
    if (put_user_value(position, result) < 0)
        return -EFAULT;
    return 0;
}

namespace {

long do_readv_writev(unsigned long fd, const iovec_user __user* vector, unsigned long count, bool write)
{
    if (count > UIO_MAXIOV)
        return -EINVAL;
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    loff_t pos = f->f_pos;
    ssize_t total = 0;
    long error = 0;
    for (unsigned long i = 0; i < count; ++i) {
        iovec_user segment;
        if (copy_from_user(&segment, vector + i, sizeof(segment))) {
            error = -EFAULT;
            break;
        }
        if (segment.iov_len > MAX_RW_COUNT - static_cast<size_t>(total)) {
            error = -EINVAL;
            break;
        }
        if (segment.iov_len == 0)
            continue;
        ssize_t n = write ? vfs_write(f, static_cast<const char*>(segment.iov_base), segment.iov_len, &pos)
                          : vfs_read(f, static_cast<char*>(segment.iov_base), segment.iov_len, &pos);
        if (n < 0) {
            error = n;
            break;
        }
        total += n;
        if (static_cast<size_t>(n) < segment.iov_len)
            break;
    }
    f->f_pos = pos;
    fput(f);
    if (total > 0)
        return total;
    return user_result(error);
}

} // namespace

extern "C" long sys_readv(unsigned long fd, const iovec_user __user* vector, unsigned long count)
{
    return do_readv_writev(fd, vector, count, false);
}

extern "C" long sys_writev(unsigned long fd, const iovec_user __user* vector, unsigned long count)
{
    return do_readv_writev(fd, vector, count, true);
}
