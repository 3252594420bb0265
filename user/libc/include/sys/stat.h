/* <sys/stat.h>: struct stat (the kernel's stat64 layout with POSIX names), stat/lstat/fstat, mkdir, chmod ... */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <features.h>
#include <bits/types.h>
#include <linux/stat.h>
#include <bits/timespec.h>

/*
 * Byte for byte the i386 struct stat64 that stat64/lstat64/fstat64/fstatat64 fill:
 * the system calls write straight into it. 96 bytes.
 */
struct stat {
    dev_t st_dev;
    int __st_dev_pad;
    unsigned long __st_ino_truncated;
    mode_t st_mode;
    nlink_t st_nlink;
    uid_t st_uid;
    gid_t st_gid;
    dev_t st_rdev;
    int __st_rdev_pad;
    off_t st_size;
    blksize_t st_blksize;
    blkcnt_t st_blocks;
    struct timespec st_atim;
    struct timespec st_mtim;
    struct timespec st_ctim;
    ino_t st_ino;
};

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IREAD S_IRUSR
#define S_IWRITE S_IWUSR
#define S_IEXEC S_IXUSR
#define ACCESSPERMS (S_IRWXU | S_IRWXG | S_IRWXO)
#define ALLPERMS (S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)
#define DEFFILEMODE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

__BEGIN_DECLS

int stat(const char* __restrict path, struct stat* __restrict buf);
int lstat(const char* __restrict path, struct stat* __restrict buf);
int fstat(int fd, struct stat* buf);
int fstatat(int dirfd, const char* __restrict path, struct stat* __restrict buf, int flags);
int mkdir(const char* path, mode_t mode);
int mkdirat(int dirfd, const char* path, mode_t mode);
int mknod(const char* path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char* path, mode_t mode, dev_t dev);
int mkfifo(const char* path, mode_t mode);
int chmod(const char* path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char* path, mode_t mode, int flags);
mode_t umask(mode_t mask);
int utimensat(int dirfd, const char* path, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);

__END_DECLS

#endif
