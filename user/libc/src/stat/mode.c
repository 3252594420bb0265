/* Creating nodes and changing modes and times: mkdir, mknod, mkfifo, chmod, umask, utimensat. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

#include "../internal/syscall.h"

/* mknod takes the 32-bit "new" device encoding, which is the low half of our dev_t. */
static unsigned long kernel_dev(dev_t dev) { return (unsigned long)(dev & 0xffffffffULL); }

int mkdir(const char* path, mode_t mode) { return SYSCALL2(__NR_mkdir, path, mode); }
int mkdirat(int dirfd, const char* path, mode_t mode) { return SYSCALL3(__NR_mkdirat, dirfd, path, mode); }
int mknod(const char* path, mode_t mode, dev_t dev) { return SYSCALL3(__NR_mknod, path, mode, kernel_dev(dev)); }
int mknodat(int dirfd, const char* path, mode_t mode, dev_t dev)
{
    return SYSCALL4(__NR_mknodat, dirfd, path, mode, kernel_dev(dev));
}
int mkfifo(const char* path, mode_t mode) { return mknod(path, (mode & 07777) | S_IFIFO, 0); }
int chmod(const char* path, mode_t mode) { return SYSCALL2(__NR_chmod, path, mode); }
int fchmod(int fd, mode_t mode) { return SYSCALL2(__NR_fchmod, fd, mode); }
int fchmodat(int dirfd, const char* path, mode_t mode, int flags)
{
    if (flags)
        return SYSCALL4(__NR_fchmodat2, dirfd, path, mode, flags);
    return SYSCALL3(__NR_fchmodat, dirfd, path, mode);
}
mode_t umask(mode_t mask) { return (mode_t)__syscall1(__NR_umask, mask); }

int utimensat(int dirfd, const char* path, const struct timespec times[2], int flags)
{
    return SYSCALL4(__NR_utimensat, dirfd, path, times, flags);
}
int futimens(int fd, const struct timespec times[2]) { return utimensat(fd, NULL, times, 0); }
int utime(const char* path, const struct utimbuf* times) { return SYSCALL2(__NR_utime, path, times); }
int utimes(const char* path, const struct timeval times[2]) { return SYSCALL2(__NR_utimes, path, times); }
