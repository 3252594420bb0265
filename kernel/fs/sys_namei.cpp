// System calls on names and attributes: mkdir, rmdir, unlink, link, symlink,
// readlink, rename, mknod, chmod, chown, truncate, utimensat, access, umask,
// chdir, fchdir, getcwd.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/time_types.h>

#define COPY_PATH(var, user)            \
    UserPath var(user);                 \
    if (var.error())                    \
        return var.error();

namespace {

// Runs `action` on the path named by a user string (and dfd), following symlinks or not.
template<typename Action>
long with_path(int dfd, const char __user* name, unsigned flags, Action action)
{
    COPY_PATH(path_name, name);
    auto lookup = path_lookup(dfd, path_name.get(), flags);
    if (lookup.is_error())
        return -lookup.error().code();
    Path path = lookup.release_value();
    long result = action(path);
    path_put(path);
    return result;
}

template<typename Action>
long with_fd(int fd, Action action)
{
    file* f = fget(fd);
    if (!f)
        return -EBADF;
    Path path { f->f_vfsmnt, f->f_inode };
    long result = action(path);
    fput(f);
    return result;
}

struct timespec32 {   // struct old_timespec32 is not used: utimensat takes the 32-bit timespec on i386
    long tv_sec;
    long tv_nsec;
};

} // namespace

extern "C" long sys_mkdirat(int dfd, const char __user* name, umode_t mode)
{
    COPY_PATH(path, name);
    return user_result(do_mkdirat(dfd, path.get(), mode));
}

extern "C" long sys_mkdir(const char __user* name, umode_t mode)
{
    return sys_mkdirat(AT_FDCWD, name, mode);
}

extern "C" long sys_rmdir(const char __user* name)
{
    COPY_PATH(path, name);
    return user_result(do_rmdir(AT_FDCWD, path.get()));
}

extern "C" long sys_unlinkat(int dfd, const char __user* name, int flags)
{
    if (flags & ~AT_REMOVEDIR)
        return -EINVAL;
    COPY_PATH(path, name);
    if (flags & AT_REMOVEDIR)
        return user_result(do_rmdir(dfd, path.get()));
    return user_result(do_unlinkat(dfd, path.get()));
}

extern "C" long sys_unlink(const char __user* name)
{
    return sys_unlinkat(AT_FDCWD, name, 0);
}

extern "C" long sys_link(const char __user* oldname, const char __user* newname)
{
    COPY_PATH(old_path, oldname);
    COPY_PATH(new_path, newname);
    return user_result(do_linkat(AT_FDCWD, old_path.get(), AT_FDCWD, new_path.get(), 0));
}

extern "C" long sys_symlink(const char __user* target, const char __user* name)
{
    COPY_PATH(target_path, target);
    COPY_PATH(path, name);
    return user_result(do_symlinkat(target_path.get(), AT_FDCWD, path.get()));
}

extern "C" long sys_readlink(const char __user* name, char __user* buffer, int size)
{
    COPY_PATH(path, name);
    if (size <= 0)
        return -EINVAL;
    char* target = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!target)
        return -ENOMEM;
    auto result = do_readlinkat(AT_FDCWD, path.get(), target, libk::min(size, static_cast<int>(PATH_MAX)));
    long ret;
    if (result.is_error())
        ret = -result.error().code();
    else
        ret = copy_to_user(buffer, target, static_cast<unsigned long>(result.value())) ? -EFAULT : result.value();
    kfree(target);
    return ret;
}

extern "C" long sys_rename(const char __user* oldname, const char __user* newname)
{
    COPY_PATH(old_path, oldname);
    COPY_PATH(new_path, newname);
    return user_result(do_renameat(AT_FDCWD, old_path.get(), AT_FDCWD, new_path.get()));
}

extern "C" long sys_mknod(const char __user* name, umode_t mode, unsigned dev)
{
    COPY_PATH(path, name);
    return user_result(do_mknodat(AT_FDCWD, path.get(), mode, new_decode_dev(dev)));
}

extern "C" long sys_chmod(const char __user* name, umode_t mode)
{
    return with_path(AT_FDCWD, name, LOOKUP_FOLLOW, [&](Path& path) { return user_result(do_chmod(path, mode)); });
}

extern "C" long sys_fchmod(unsigned int fd, umode_t mode)
{
    return with_fd(static_cast<int>(fd), [&](Path& path) { return user_result(do_chmod(path, mode)); });
}

extern "C" long sys_chown(const char __user* name, uid_t user, gid_t group)
{
    return with_path(AT_FDCWD, name, LOOKUP_FOLLOW, [&](Path& path) { return user_result(do_chown(path, user, group)); });
}

extern "C" long sys_lchown(const char __user* name, uid_t user, gid_t group)
{
    return with_path(AT_FDCWD, name, 0, [&](Path& path) { return user_result(do_chown(path, user, group)); });
}

extern "C" long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
    return with_fd(static_cast<int>(fd), [&](Path& path) { return user_result(do_chown(path, user, group)); });
}

extern "C" long sys_truncate64(const char __user* name, unsigned long length_low, unsigned long length_high)
{
    loff_t length = static_cast<loff_t>((static_cast<uint64_t>(length_high) << 32) | length_low);
    return with_path(AT_FDCWD, name, LOOKUP_FOLLOW, [&](Path& path) { return user_result(do_truncate(path, length)); });
}

extern "C" long sys_ftruncate64(unsigned int fd, unsigned long length_low, unsigned long length_high)
{
    loff_t length = static_cast<loff_t>((static_cast<uint64_t>(length_high) << 32) | length_low);
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result;
    if (!(f->f_mode & FMODE_WRITE))
        result = -EINVAL;   // Linux: not open for writing
    else if (!S_ISREG(file_inode(f)->i_mode))
        result = -EINVAL;
    else if (length < 0)
        result = -EINVAL;
    else {
        iattr attr {};
        attr.ia_valid = ATTR_SIZE;
        attr.ia_size = length;
        result = user_result(notify_change(file_inode(f), &attr));
    }
    fput(f);
    return result;
}

namespace {

// utimensat with 32- or 64-bit timespecs (utimensat 320, utimensat_time64 412).
template<typename Timespec>
long do_utimensat(int dfd, const char __user* name, const Timespec __user* times, int flags)
{
    constexpr long UTIME_NOW = (1l << 30) - 1;
    constexpr long UTIME_OMIT = (1l << 30) - 2;
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    Timespec user_times[2];
    timespec64 kernel_times[2];
    bool have_times = times != nullptr;
    if (have_times) {
        if (copy_from_user(user_times, times, sizeof(user_times)))
            return -EFAULT;
        for (int i = 0; i < 2; ++i) {
            long nsec = static_cast<long>(user_times[i].tv_nsec);
            if ((nsec < 0 || nsec >= 1000000000) && nsec != UTIME_NOW && nsec != UTIME_OMIT)
                return -EINVAL;
            kernel_times[i] = timespec64 { static_cast<time64_t>(user_times[i].tv_sec), nsec };
        }
        if (kernel_times[0].tv_nsec == UTIME_OMIT && kernel_times[1].tv_nsec == UTIME_OMIT)
            return 0;   // Linux: nothing to change, not even a permission check
    }
    auto apply = [&](Path& path) {
        return user_result(do_utimes(path, have_times ? &kernel_times[0] : nullptr, have_times ? &kernel_times[1] : nullptr));
    };
    if (!name)   // Linux: utimensat(fd, NULL, ...) is futimens
        return with_fd(dfd, apply);
    COPY_PATH(path_name, name);
    auto lookup = path_lookup_at(dfd, path_name.get(), (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
        flags & AT_EMPTY_PATH);
    if (lookup.is_error())
        return -lookup.error().code();
    Path path = lookup.release_value();
    long result = apply(path);
    path_put(path);
    return result;
}

} // namespace

extern "C" long sys_utimensat(int dfd, const char __user* name, const timespec32 __user* times, int flags)
{
    return do_utimensat(dfd, name, times, flags);
}

extern "C" long sys_utimensat_time64(int dfd, const char __user* name, const __kernel_timespec __user* times, int flags)
{
    return do_utimensat(dfd, name, times, flags);
}

// faccessat2 (439): AT_EACCESS checks with the effective ids instead of the real ones.
extern "C" long sys_faccessat2(int dfd, const char __user* name, int mode, int flags)
{
    if (mode & ~7)
        return -EINVAL;
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    // access() checks with the real ids: swap them in for the walk and the check.
    Credentials saved = current->cred;
    if (!(flags & AT_EACCESS)) {
        current->cred.fsuid = current->cred.uid;
        current->cred.fsgid = current->cred.gid;
    }
    long result;
    {
        UserPath path_name(name);
        if (path_name.error()) {
            current->cred = saved;
            return path_name.error();
        }
        auto lookup = path_lookup_at(dfd, path_name.get(), (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
            flags & AT_EMPTY_PATH);
        if (lookup.is_error()) {
            result = -lookup.error().code();
        } else {
            Path path = lookup.release_value();
            if (mode == 0)
                result = 0;
            else if ((mode & 2) && path.mnt && (path.mnt->mnt_flags & 1)
                && (S_ISREG(path.node->i_mode) || S_ISDIR(path.node->i_mode)))
                result = -EROFS;
            else
                result = inode_permission(path.node, mode);
            path_put(path);
        }
    }
    current->cred = saved;
    return result;
}

extern "C" long sys_faccessat(int dfd, const char __user* name, int mode)
{
    return sys_faccessat2(dfd, name, mode, 0);
}

extern "C" long sys_access(const char __user* name, int mode)
{
    return sys_faccessat(AT_FDCWD, name, mode);
}

extern "C" long sys_umask(int mask)
{
    if (!current->fs)
        return -EINVAL;
    long old = current->fs->umask;
    current->fs->umask = static_cast<umode_t>(mask & 0777);
    return old;
}

namespace {

long set_pwd(Path& path)
{
    if (!S_ISDIR(path.node->i_mode))
        return -ENOTDIR;
    if (int error = inode_permission(path.node, MAY_EXEC); error < 0)
        return error;
    if (!current->fs)
        return -EINVAL;
    Path old = current->fs->pwd;
    current->fs->pwd = path_get(path);
    path_put(old);
    return 0;
}

} // namespace

extern "C" long sys_chdir(const char __user* name)
{
    return with_path(AT_FDCWD, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, set_pwd);
}

extern "C" long sys_fchdir(unsigned int fd)
{
    return with_fd(static_cast<int>(fd), set_pwd);
}

ErrorOr<size_t> do_getcwd(char* buffer, size_t size)
{
    size_t length = TRY(path_name(current_pwd(), current_root(), buffer, size));
    return length + 1;
}

extern "C" long sys_getcwd(char __user* buffer, unsigned long size)
{
    char* path = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!path)
        return -ENOMEM;
    auto result = do_getcwd(path, PATH_MAX);
    long ret;
    if (result.is_error())
        ret = -result.error().code();
    else if (result.value() > size)
        ret = -ERANGE;
    else
        ret = copy_to_user(buffer, path, result.value()) ? -EFAULT : static_cast<long>(result.value());
    kfree(path);
    return ret;
}
