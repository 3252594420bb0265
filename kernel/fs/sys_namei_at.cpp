// The *at() forms of the name calls that busybox and glibc use: mknodat,
// fchmodat(2), fchownat, linkat, symlinkat, readlinkat, renameat(2), and the
// old time setters utime, utimes and futimesat.
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

namespace {

// Runs `action` on dfd + name (AT_EMPTY_PATH allowed when `empty_path`).
template<typename Action>
long with_path_at(int dfd, const char __user* name, unsigned lookup_flags, bool empty_path, Action action)
{
    COPY_PATH(path_name, name);
    auto lookup = path_lookup_at(dfd, path_name.get(), lookup_flags, empty_path);
    if (lookup.is_error())
        return -lookup.error().code();
    Path path = lookup.release_value();
    long result = action(path);
    path_put(path);
    return result;
}

struct timeval_user {   // struct __kernel_old_timeval on i386
    long tv_sec;
    long tv_usec;
};

// utimes/futimesat: microseconds, NULL for "now".
long do_futimesat(int dfd, const char __user* name, const timeval_user __user* times)
{
    timespec64 kernel_times[2];
    if (times) {
        timeval_user tv[2];
        if (copy_from_user(tv, times, sizeof(tv)))
            return -EFAULT;
        for (int i = 0; i < 2; ++i) {
            if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
                return -EINVAL;
            kernel_times[i] = timespec64 { tv[i].tv_sec, tv[i].tv_usec * 1000 };
        }
    }
    return with_path_at(dfd, name, LOOKUP_FOLLOW, false, [&](Path& path) {
        return user_result(do_utimes(path, times ? &kernel_times[0] : nullptr, times ? &kernel_times[1] : nullptr));
    });
}

} // namespace

extern "C" long sys_mknodat(int dfd, const char __user* name, umode_t mode, unsigned dev)
{
    COPY_PATH(path, name);
    return user_result(do_mknodat(dfd, path.get(), mode, new_decode_dev(dev)));
}

extern "C" long sys_fchmodat2(int dfd, const char __user* name, umode_t mode, unsigned int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_path_at(dfd, name, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, flags & AT_EMPTY_PATH,
        [&](Path& path) -> long {
            if (S_ISLNK(path.node->i_mode))
                return -EOPNOTSUPP;   // Linux: symlink modes cannot be changed
            return user_result(do_chmod(path, mode));
        });
}

extern "C" long sys_fchmodat(int dfd, const char __user* name, umode_t mode)
{
    return sys_fchmodat2(dfd, name, mode, 0);
}

extern "C" long sys_fchownat(int dfd, const char __user* name, uid_t user, gid_t group, int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_path_at(dfd, name, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, flags & AT_EMPTY_PATH,
        [&](Path& path) { return user_result(do_chown(path, user, group)); });
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

extern "C" long sys_symlinkat(const char __user* target, int newdfd, const char __user* name)
{
    COPY_PATH(target_path, target);
    COPY_PATH(path, name);
    return user_result(do_symlinkat(target_path.get(), newdfd, path.get()));
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

extern "C" long sys_futimesat(int dfd, const char __user* name, const timeval_user __user* times)
{
    return do_futimesat(dfd, name, times);
}

extern "C" long sys_utimes(const char __user* name, const timeval_user __user* times)
{
    return do_futimesat(AT_FDCWD, name, times);
}

extern "C" long sys_utime(const char __user* name, const long __user* times)
{
    timespec64 kernel_times[2] {};
    if (times) {
        long seconds[2];   // struct utimbuf: actime, modtime
        if (copy_from_user(seconds, times, sizeof(seconds)))
            return -EFAULT;
        kernel_times[0].tv_sec = seconds[0];
        kernel_times[1].tv_sec = seconds[1];
    }
    return with_path_at(AT_FDCWD, name, LOOKUP_FOLLOW, false, [&](Path& path) {
        return user_result(do_utimes(path, times ? &kernel_times[0] : nullptr, times ? &kernel_times[1] : nullptr));
    });
}
