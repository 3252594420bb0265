// System calls on descriptors: open, openat, creat, close, dup, dup2, dup3,
// fcntl, ioctl.
#include "internal.h"
#include <kernel/uaccess.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

namespace {

constexpr unsigned valid_open_flags = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK
    | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | __O_SYNC;

long do_sys_open(int dfd, const char __user* name, int flags, umode_t mode)
{
    if (flags & ~valid_open_flags)
        return -EINVAL;   // O_PATH and O_TMPFILE are not supported
    if (!current->files)
        return -EMFILE;
    UserPath path(name);
    if (path.error())
        return path.error();
    int fd = get_unused_fd(current->files, 0);
    if (fd < 0)
        return fd;
    auto result = do_filp_open(dfd, path.get(), flags, mode);
    if (result.is_error())
        return user_result(-static_cast<long>(result.error().code()));
    // Opening may have slept: take the lowest free slot now.
    fd = fd_install_new(current->files, result.value(), flags & O_CLOEXEC);
    if (fd < 0)
        fput(result.value());
    return fd;
}

} // namespace

extern "C" long sys_openat(int dfd, const char __user* name, int flags, umode_t mode)
{
    return do_sys_open(dfd, name, flags, mode);
}

extern "C" long sys_open(const char __user* name, int flags, umode_t mode)
{
    return do_sys_open(AT_FDCWD, name, flags, mode);
}

extern "C" long sys_creat(const char __user* name, umode_t mode)
{
    return do_sys_open(AT_FDCWD, name, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

extern "C" long sys_close(unsigned int fd)
{
    return close_fd(static_cast<int>(fd));
}

extern "C" long sys_dup(unsigned int fd)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    int new_fd = fd_install_new(current->files, f, false);
    if (new_fd < 0)
        fput(f);
    return new_fd;
}

extern "C" long sys_dup3(unsigned int old_fd, unsigned int new_fd, int flags)
{
    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (old_fd == new_fd)
        return -EINVAL;
    if (new_fd >= static_cast<unsigned>(files_limit()))
        return -EBADF;   // at or above RLIMIT_NOFILE, as Linux's dup3
    file* f = fget(static_cast<int>(old_fd));
    if (!f)
        return -EBADF;
    int result = replace_fd(static_cast<int>(new_fd), f, flags & O_CLOEXEC);
    fput(f);
    return result;
}

extern "C" long sys_dup2(unsigned int old_fd, unsigned int new_fd)
{
    if (old_fd == new_fd) {
        file* f = fget(static_cast<int>(old_fd));
        if (!f)
            return -EBADF;
        fput(f);
        return new_fd;
    }
    return sys_dup3(old_fd, new_fd, 0);
}

extern "C" long sys_fcntl(unsigned int fd, unsigned int command, unsigned long argument)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result;
    switch (command) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
        if (argument >= static_cast<unsigned long>(files_limit())) {
            result = -EINVAL;
            break;
        }
        int new_fd = get_unused_fd(current->files, static_cast<int>(argument));
        if (new_fd >= 0)
            fd_install(current->files, new_fd, get_file(f), command == F_DUPFD_CLOEXEC);
        result = new_fd;
        break;
    }
    case F_GETFD:
        result = get_close_on_exec(static_cast<int>(fd)) ? FD_CLOEXEC : 0;
        break;
    case F_SETFD:
        set_close_on_exec(static_cast<int>(fd), argument & FD_CLOEXEC);
        result = 0;
        break;
    case F_GETFL:
        result = static_cast<long>(f->f_flags);
        break;
    case F_SETFL: {
        // Only these may change after open, as on Linux.
        constexpr unsigned changeable = O_APPEND | O_NONBLOCK | O_NOATIME | O_DIRECT | FASYNC;
        f->f_flags = (f->f_flags & ~changeable) | (static_cast<unsigned>(argument) & changeable);
        result = 0;
        break;
    }
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_GETLK64:
    case F_SETLK64:
    case F_SETLKW64:
        result = 0;   // no record locks: one process at a time owns everything (simplified)
        break;
    case F_GETOWN:
    case F_SETOWN:
        result = 0;
        break;
    default:
        result = -EINVAL;
        break;
    }
    fput(f);
    return result;
}

extern "C" long sys_fcntl64(unsigned int fd, unsigned int command, unsigned long argument)
{
    return sys_fcntl(fd, command, argument);
}

extern "C" long sys_ioctl(unsigned int fd, unsigned int command, unsigned long argument)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result;
    constexpr unsigned FIOCLEX = 0x5451, FIONCLEX = 0x5450, FIONBIO = 0x5421;
    switch (command) {
    case FIOCLEX:
        set_close_on_exec(static_cast<int>(fd), true);
        result = 0;
        break;
    case FIONCLEX:
        set_close_on_exec(static_cast<int>(fd), false);
        result = 0;
        break;
    case FIONBIO: {
        int on;
        if (get_user_value(on, reinterpret_cast<const int __user*>(argument)) < 0) {
            result = -EFAULT;
            break;
        }
        if (on)
            f->f_flags |= O_NONBLOCK;
        else
            f->f_flags &= ~O_NONBLOCK;
        result = 0;
        break;
    }
    default:
        if (f->f_op && f->f_op->unlocked_ioctl)
            result = f->f_op->unlocked_ioctl(f, command, argument);
        else if (f->f_op && f->f_op->ioctl)   // a 2.6 driver's, given the inode too
            result = f->f_op->ioctl(file_inode(f), f, command, argument);
        else
            result = -ENOTTY;
        if (result == -ENOIOCTLCMD)
            result = -ENOTTY;
        break;
    }
    fput(f);
    return user_result(result);
}
