/* stat/lstat/fstat/fstatat through the stat64 system calls, which fill our struct stat directly. */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>

#include "../internal/syscall.h"

/* struct stat must be the kernel's struct stat64, field for field. */
_Static_assert(sizeof(struct stat) == 96, "struct stat is i386 stat64 (96 bytes)");
_Static_assert(offsetof(struct stat, st_mode) == 16, "st_mode at 16");
_Static_assert(offsetof(struct stat, st_rdev) == 32, "st_rdev at 32");
_Static_assert(offsetof(struct stat, st_size) == 44, "st_size at 44");
_Static_assert(offsetof(struct stat, st_blocks) == 56, "st_blocks at 56");
_Static_assert(offsetof(struct stat, st_atim) == 64, "st_atim at 64");
_Static_assert(offsetof(struct stat, st_ino) == 88, "st_ino at 88");

int stat(const char* path, struct stat* buf) { return SYSCALL2(__NR_stat64, path, buf); }
int lstat(const char* path, struct stat* buf) { return SYSCALL2(__NR_lstat64, path, buf); }
int fstat(int fd, struct stat* buf) { return SYSCALL2(__NR_fstat64, fd, buf); }
int fstatat(int dirfd, const char* path, struct stat* buf, int flags)
{
    return SYSCALL4(__NR_fstatat64, dirfd, path, buf, flags);
}
