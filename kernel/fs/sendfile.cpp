// sendfile (187) and sendfile64 (239): copies between two files inside the
// kernel, through one bounce buffer, reading at *offset (left unchanged in the
// file) or at the input file's position.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/sched.h>
#include <linux/stat.h>

namespace {

constexpr size_t MAX_RW_COUNT = 0x7ffff000;
constexpr size_t bounce_size = 16384;
constexpr loff_t MAX_NON_LFS = 0x7fffffff;   // sendfile's 32-bit offsets end here

// Copies up to `count` bytes from `in` at *pos to `out`; bytes copied or -errno.
ssize_t copy_file_range_bounce(file* in, loff_t* pos, file* out, size_t count)
{
    char* buffer = static_cast<char*>(kmalloc(bounce_size, GFP_KERNEL));
    if (!buffer)
        return -ENOMEM;
    size_t total = 0;
    ssize_t error = 0;
    while (total < count) {
        size_t chunk = libk::min(bounce_size, count - total);
        loff_t read_pos = *pos;
        ssize_t got = kernel_read(in, buffer, chunk, &read_pos);
        if (got <= 0) {
            error = got;
            break;
        }
        size_t put = 0;
        while (put < static_cast<size_t>(got)) {
            loff_t out_pos = out->f_pos;
            ssize_t n = kernel_write(out, buffer + put, static_cast<size_t>(got) - put, &out_pos);
            if (n <= 0) {
                error = n ? n : -EIO;
                break;
            }
            out->f_pos = out_pos;
            put += static_cast<size_t>(n);
        }
        // Only what reached the output counts as consumed from the input.
        *pos += static_cast<loff_t>(put);
        total += put;
        if (error || put < static_cast<size_t>(got) || static_cast<size_t>(got) < chunk)
            break;
        if (signal_pending(current))
            break;   // a long copy stops early for a signal with what it has done
        cond_resched();   // gigabytes of a sparse file take a while: let others run
    }
    kfree(buffer);
    if (total)
        return static_cast<ssize_t>(total);
    return error;
}

// Linux splices into a pipe from any file but a pipe; to anything else only
// from a seekable regular file or block device (splice_direct_to_actor).
bool input_allowed(umode_t in_mode, umode_t out_mode)
{
    if (S_ISFIFO(in_mode) || S_ISDIR(in_mode))
        return false;
    return S_ISFIFO(out_mode) || S_ISREG(in_mode) || S_ISBLK(in_mode);
}

long do_sendfile(int out_fd, int in_fd, loff_t* ppos, size_t count, loff_t max)
{
    file* in = fget(in_fd);
    if (!in)
        return -EBADF;
    file* out = fget(out_fd);
    long result;
    if (!out) {
        result = -EBADF;
    } else if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE)) {
        result = -EBADF;
    } else if (ppos && !(in->f_mode & FMODE_PREAD)) {
        result = -ESPIPE;
    } else if (out->f_flags & O_APPEND) {
        result = -EINVAL;   // Linux refuses an O_APPEND output
    } else if (!in->f_op || !in->f_op->read || !out->f_op || !out->f_op->write) {
        result = -EINVAL;
    } else if (!input_allowed(file_inode(in)->i_mode, file_inode(out)->i_mode)) {
        result = -EINVAL;
    } else {
        loff_t pos = ppos ? *ppos : in->f_pos;
        if (count > MAX_RW_COUNT)
            count = MAX_RW_COUNT;
        if (pos < 0)
            result = -EINVAL;
        else if (pos >= max && count)
            result = -EOVERFLOW;
        else {
            if (static_cast<loff_t>(count) > max - pos)
                count = static_cast<size_t>(max - pos);
            result = count ? copy_file_range_bounce(in, &pos, out, count) : 0;
            if (ppos)
                *ppos = pos;
            else
                in->f_pos = pos;
        }
    }
    if (out)
        fput(out);
    fput(in);
    return user_result(result);
}

// sendfile (off_t, 32-bit) and sendfile64 (loff_t): the offset read and
// written back in the caller's width, the copy bounded by `max`.
template<typename Offset>
long sendfile_user(int out_fd, int in_fd, Offset __user* offset, size_t count, loff_t max)
{
    if (!offset)
        return do_sendfile(out_fd, in_fd, nullptr, count, max);
    Offset start;
    if (get_user_value(start, offset) < 0)
        return -EFAULT;
    loff_t pos = start;
    long result = do_sendfile(out_fd, in_fd, &pos, count, max);
    if (put_user_value(static_cast<Offset>(pos), offset) < 0)
        return -EFAULT;
    return result;
}

} // namespace

extern "C" long sys_sendfile(int out_fd, int in_fd, long __user* offset, size_t count)
{
    return sendfile_user(out_fd, in_fd, offset, count, MAX_NON_LFS);
}

extern "C" long sys_sendfile64(int out_fd, int in_fd, loff_t __user* offset, size_t count)
{
    return sendfile_user(out_fd, in_fd, offset, count, MAX_LFS_FILESIZE);
}
