/* Path-based file system calls: directories, links, access, ownership. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "../internal/syscall.h"

int chdir(const char* path) { return SYSCALL1(__NR_chdir, path); }
int fchdir(int fd) { return SYSCALL1(__NR_fchdir, fd); }
int chroot(const char* path) { return SYSCALL1(__NR_chroot, path); }
int rmdir(const char* path) { return SYSCALL1(__NR_rmdir, path); }
int unlink(const char* path) { return SYSCALL1(__NR_unlink, path); }
int unlinkat(int dirfd, const char* path, int flags) { return SYSCALL3(__NR_unlinkat, dirfd, path, flags); }
int link(const char* oldpath, const char* newpath) { return SYSCALL2(__NR_link, oldpath, newpath); }
int linkat(int olddirfd, const char* oldpath, int newdirfd, const char* newpath, int flags)
{
    return SYSCALL5(__NR_linkat, olddirfd, oldpath, newdirfd, newpath, flags);
}
int symlink(const char* target, const char* linkpath) { return SYSCALL2(__NR_symlink, target, linkpath); }
int symlinkat(const char* target, int newdirfd, const char* linkpath)
{
    return SYSCALL3(__NR_symlinkat, target, newdirfd, linkpath);
}
ssize_t readlink(const char* path, char* buf, size_t size) { return SYSCALL3(__NR_readlink, path, buf, size); }
ssize_t readlinkat(int dirfd, const char* path, char* buf, size_t size)
{
    return SYSCALL4(__NR_readlinkat, dirfd, path, buf, size);
}
int access(const char* path, int mode) { return SYSCALL2(__NR_access, path, mode); }
int faccessat(int dirfd, const char* path, int mode, int flags)
{
    /* The original faccessat has no flags argument; faccessat2 (439) does. */
    if (flags)
        return SYSCALL4(__NR_faccessat2, dirfd, path, mode, flags);
    return SYSCALL3(__NR_faccessat, dirfd, path, mode);
}
int chown(const char* path, uid_t owner, gid_t group) { return SYSCALL3(__NR_chown32, path, owner, group); }
int fchown(int fd, uid_t owner, gid_t group) { return SYSCALL3(__NR_fchown32, fd, owner, group); }
int lchown(const char* path, uid_t owner, gid_t group) { return SYSCALL3(__NR_lchown32, path, owner, group); }
int fchownat(int dirfd, const char* path, uid_t owner, gid_t group, int flags)
{
    return SYSCALL5(__NR_fchownat, dirfd, path, owner, group, flags);
}

char* getcwd(char* buf, size_t size)
{
    char local[4096];
    char* target = buf;
    if (!buf) {
        target = local;
        size = sizeof(local);
    } else if (size == 0) {
        errno = EINVAL;
        return NULL;
    }
    /* The system call returns the length including the NUL. */
    if (SYSCALL2(__NR_getcwd, target, size) < 0)
        return NULL;
    return buf ? buf : strdup(local);
}
