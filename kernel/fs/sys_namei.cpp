// System calls on names: mkdir, rmdir, unlink, mknod, link, symlink, readlink
// and rename, the *at() form being the implementation and the old call that
// form with AT_FDCWD (Linux's sys_mkdir calls do_mkdirat(AT_FDCWD, ...)); and
// the cwd: chdir, fchdir, getcwd, umask. Attributes are in sys_attr.cpp.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

#define COPY_PATH(var, user)            \
    UserPath var(user);                 \
    if (var.error())                    \
        return var.error();

extern "C" long sys_mkdirat(int dfd, const char __user* name, umode_t mode)
{
    COPY_PATH(path, name);
    return user_result(do_mkdirat(dfd, path.get(), mode));
}

extern "C" long sys_mkdir(const char __user* name, umode_t mode)
{
    return sys_mkdirat(AT_FDCWD, name, mode);
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

extern "C" long sys_rmdir(const char __user* name)
{
    return sys_unlinkat(AT_FDCWD, name, AT_REMOVEDIR);
}

extern "C" long sys_mknodat(int dfd, const char __user* name, umode_t mode, unsigned dev)
{
    COPY_PATH(path, name);
    return user_result(do_mknodat(dfd, path.get(), mode, new_decode_dev(dev)));
}

extern "C" long sys_mknod(const char __user* name, umode_t mode, unsigned dev)
{
    return sys_mknodat(AT_FDCWD, name, mode, dev);
}

extern "C" long sys_linkat(int olddfd, const char __user* oldname, int newdfd, const char __user* newname, int flags)
{
    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    COPY_PATH(old_path, oldname);
    COPY_PATH(new_path, newname);
    // Linking an fd (AT_EMPTY_PATH with ""): not supported yet; Linux refuses it
    // without CAP_DAC_READ_SEARCH with ENOENT too.
    if (!old_path.get()[0])
        return -ENOENT;
    return user_result(do_linkat(olddfd, old_path.get(), newdfd, new_path.get(), flags & AT_SYMLINK_FOLLOW));
}

extern "C" long sys_link(const char __user* oldname, const char __user* newname)
{
    return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

extern "C" long sys_symlinkat(const char __user* target, int newdfd, const char __user* name)
{
    COPY_PATH(target_path, target);
    COPY_PATH(path, name);
    return user_result(do_symlinkat(target_path.get(), newdfd, path.get()));
}

extern "C" long sys_symlink(const char __user* target, const char __user* name)
{
    return sys_symlinkat(target, AT_FDCWD, name);
}

extern "C" long sys_readlinkat(int dfd, const char __user* name, char __user* buffer, int size)
{
    COPY_PATH(path, name);
    if (size <= 0)
        return -EINVAL;
    char* target = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!target)
        return -ENOMEM;
    auto result = do_readlinkat(dfd, path.get(), target, libk::min(size, static_cast<int>(PATH_MAX)));
    long ret;
    if (result.is_error())
        ret = -result.error().code();
    else
        ret = copy_to_user(buffer, target, static_cast<unsigned long>(result.value())) ? -EFAULT : result.value();
    kfree(target);
    return ret;
}

extern "C" long sys_readlink(const char __user* name, char __user* buffer, int size)
{
    return sys_readlinkat(AT_FDCWD, name, buffer, size);
}

extern "C" long sys_renameat2(int olddfd, const char __user* oldname, int newdfd, const char __user* newname,
    unsigned int flags)
{
    COPY_PATH(old_path, oldname);
    COPY_PATH(new_path, newname);
    return user_result(do_renameat2(olddfd, old_path.get(), newdfd, new_path.get(), flags));
}

extern "C" long sys_renameat(int olddfd, const char __user* oldname, int newdfd, const char __user* newname)
{
    return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

extern "C" long sys_rename(const char __user* oldname, const char __user* newname)
{
    return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
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
    return with_user_path(AT_FDCWD, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, false, set_pwd);
}

extern "C" long sys_fchdir(unsigned int fd)
{
    return with_fd_path(static_cast<int>(fd), set_pwd);
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
