/* File descriptor I/O: read/write, positioned and vectored I/O, lseek (_llseek), dup, pipe, sync, truncate. */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../internal/syscall.h"

/* 64-bit arguments travel as (low, high) in two consecutive registers on i386. */
#define LO(x) ((long)(unsigned long)((unsigned long long)(x) & 0xffffffffu))
#define HI(x) ((long)(unsigned long)((unsigned long long)(x) >> 32))

ssize_t read(int fd, void* buf, size_t count) { return SYSCALL3(__NR_read, fd, buf, count); }
ssize_t write(int fd, const void* buf, size_t count) { return SYSCALL3(__NR_write, fd, buf, count); }
ssize_t readv(int fd, const struct iovec* iov, int count) { return SYSCALL3(__NR_readv, fd, iov, count); }
ssize_t writev(int fd, const struct iovec* iov, int count) { return SYSCALL3(__NR_writev, fd, iov, count); }

ssize_t pread(int fd, void* buf, size_t count, off_t offset)
{
    return SYSCALL5(__NR_pread64, fd, buf, count, LO(offset), HI(offset));
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    return SYSCALL5(__NR_pwrite64, fd, buf, count, LO(offset), HI(offset));
}

int close(int fd) { return SYSCALL1(__NR_close, fd); }

off_t lseek(int fd, off_t offset, int whence)
{
    loff_t result;
    if (SYSCALL5(__NR__llseek, fd, HI(offset), LO(offset), &result, whence) < 0)
        return -1;
    return result;
}

off64_t lseek64(int fd, off64_t offset, int whence) { return lseek(fd, offset, whence); }

int dup(int fd) { return SYSCALL1(__NR_dup, fd); }
int dup2(int oldfd, int newfd) { return SYSCALL2(__NR_dup2, oldfd, newfd); }
int dup3(int oldfd, int newfd, int flags) { return SYSCALL3(__NR_dup3, oldfd, newfd, flags); }
int pipe(int fds[2]) { return SYSCALL1(__NR_pipe, fds); }
int pipe2(int fds[2], int flags) { return SYSCALL2(__NR_pipe2, fds, flags); }
int fsync(int fd) { return SYSCALL1(__NR_fsync, fd); }
int fdatasync(int fd) { return SYSCALL1(__NR_fdatasync, fd); }
void sync(void) { __syscall0(__NR_sync); }
int truncate(const char* path, off_t length) { return SYSCALL3(__NR_truncate64, path, LO(length), HI(length)); }
int ftruncate(int fd, off_t length) { return SYSCALL3(__NR_ftruncate64, fd, LO(length), HI(length)); }
