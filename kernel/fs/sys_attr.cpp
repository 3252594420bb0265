// System calls on inode attributes: chmod, chown, truncate, access and the time
// setters (utimensat, futimesat, utimes, utime). The *at() form is the
// implementation and the old call passes AT_FDCWD, as Linux's sys_chmod calls
// do_fchmodat(AT_FDCWD, ...).
#include "internal.h"
#include <kernel/uaccess.h>
#include <kernel/user_time.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

// ---- chmod ----

extern "C" long sys_fchmodat2(int dfd, const char __user* name, umode_t mode, unsigned int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_user_path(dfd, name, at_lookup_flags(static_cast<int>(flags)), flags & AT_EMPTY_PATH,
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

extern "C" long sys_chmod(const char __user* name, umode_t mode)
{
    return sys_fchmodat2(AT_FDCWD, name, mode, 0);
}

extern "C" long sys_fchmod(unsigned int fd, umode_t mode)
{
    return with_fd_path(static_cast<int>(fd), [&](Path& path) { return user_result(do_chmod(path, mode)); });
}

// ---- chown ----

extern "C" long sys_fchownat(int dfd, const char __user* name, uid_t user, gid_t group, int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_user_path(dfd, name, at_lookup_flags(flags), flags & AT_EMPTY_PATH,
        [&](Path& path) { return user_result(do_chown(path, user, group)); });
}

extern "C" long sys_chown(const char __user* name, uid_t user, gid_t group)
{
    return sys_fchownat(AT_FDCWD, name, user, group, 0);
}

extern "C" long sys_lchown(const char __user* name, uid_t user, gid_t group)
{
    return sys_fchownat(AT_FDCWD, name, user, group, AT_SYMLINK_NOFOLLOW);
}

extern "C" long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
    return with_fd_path(static_cast<int>(fd), [&](Path& path) { return user_result(do_chown(path, user, group)); });
}

// ---- truncate ----

extern "C" long sys_truncate64(const char __user* name, unsigned long length_low, unsigned long length_high)
{
    loff_t length = static_cast<loff_t>((static_cast<uint64_t>(length_high) << 32) | length_low);
    return with_user_path(AT_FDCWD, name, LOOKUP_FOLLOW, false,
        [&](Path& path) { return user_result(do_truncate(path, length)); });
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

// ---- access ----

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
    long result = with_user_path(dfd, name, at_lookup_flags(flags), flags & AT_EMPTY_PATH, [&](Path& path) -> long {
        if (mode == 0)
            return 0;
        if ((mode & 2) && path.mnt && (path.mnt->mnt_flags & 1)
            && (S_ISREG(path.node->i_mode) || S_ISDIR(path.node->i_mode)))
            return -EROFS;
        return inode_permission(path.node, mode);
    });
    current->cred = saved;
    return result;
}

extern "C" long sys_faccessat(int dfd, const char __user* name, int mode)
{
    return sys_faccessat2(dfd, name, mode, 0);
}

extern "C" long sys_access(const char __user* name, int mode)
{
    return sys_faccessat2(AT_FDCWD, name, mode, 0);
}

// ---- times ----

namespace {

constexpr long UTIME_NOW = (1l << 30) - 1;
constexpr long UTIME_OMIT = (1l << 30) - 2;

bool nsec_valid(long nsec)
{
    return nsec == UTIME_NOW || nsec == UTIME_OMIT || (nsec >= 0 && nsec < 1000000000);
}

// Linux's do_utimes: access and modification times (nullptr: now) of dfd +
// name, or of the file open at dfd when name is NULL (futimens).
long do_utimes_at(int dfd, const char __user* name, const timespec64* times, int flags)
{
    if (times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
        return -EINVAL;
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    auto apply = [&](Path& path) {
        return user_result(do_utimes(path, times ? &times[0] : nullptr, times ? &times[1] : nullptr));
    };
    if (!name && dfd != AT_FDCWD)
        return flags ? -EINVAL : with_fd_path(dfd, apply);
    return with_user_path(dfd, name, at_lookup_flags(flags), flags & AT_EMPTY_PATH, apply);
}

// utimensat once its times are read in (either timespec layout).
long do_utimensat(int dfd, const char __user* name, const timespec64* times, int flags)
{
    if (times && times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
        return 0;   // Linux: nothing to change, not even a permission check
    return do_utimes_at(dfd, name, times, flags);
}

// utimensat (320) and utimensat_time64 (412): the times in either layout.
template<typename UserTimespec>
long utimensat_user(int dfd, const char __user* name, const UserTimespec __user* times, int flags)
{
    timespec64 kernel_times[2];
    if (times && (get_user_timespec(&kernel_times[0], &times[0]) || get_user_timespec(&kernel_times[1], &times[1])))
        return -EFAULT;
    return do_utimensat(dfd, name, times ? kernel_times : nullptr, flags);
}

struct timeval_user {   // struct __kernel_old_timeval on i386
    long tv_sec;
    long tv_usec;
};

} // namespace

extern "C" long sys_utimensat(int dfd, const char __user* name, const old_timespec32 __user* times, int flags)
{
    return utimensat_user(dfd, name, times, flags);
}

extern "C" long sys_utimensat_time64(int dfd, const char __user* name, const __kernel_timespec __user* times, int flags)
{
    return utimensat_user(dfd, name, times, flags);
}

// utimes/futimesat: microseconds, NULL for "now".
extern "C" long sys_futimesat(int dfd, const char __user* name, const timeval_user __user* times)
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
    return do_utimes_at(dfd, name, times ? kernel_times : nullptr, 0);
}

extern "C" long sys_utimes(const char __user* name, const timeval_user __user* times)
{
    return sys_futimesat(AT_FDCWD, name, times);
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
    return do_utimes_at(AT_FDCWD, name, times ? kernel_times : nullptr, 0);
}
