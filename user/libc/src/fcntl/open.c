/* open, openat, creat and fcntl (fcntl64, so struct flock carries 64-bit offsets). */
#include <fcntl.h>
#include <stdarg.h>

#include "../internal/syscall.h"

/* Files larger than 2 GiB must not fail with EOVERFLOW: this libc's off_t is 64-bit. */
int open(const char* path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | __O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return SYSCALL3(__NR_open, path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char* path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | __O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return SYSCALL4(__NR_openat, dirfd, path, flags | O_LARGEFILE, mode);
}

int creat(const char* path, mode_t mode) { return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode); }

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long);
    va_end(ap);
    return SYSCALL3(__NR_fcntl64, fd, cmd, arg);
}

int flock(int fd, int operation) { return SYSCALL2(__NR_flock, fd, operation); }
