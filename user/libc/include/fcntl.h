/* <fcntl.h>: open flags, fcntl commands, open/creat/openat/fcntl. struct flock uses 64-bit off_t. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <features.h>
#include <bits/types.h>

/* This library's struct flock has 64-bit offsets: the kernel's flock64 layout. */
#define HAVE_ARCH_STRUCT_FLOCK
#include <linux/fcntl.h>

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

struct flock {
    short l_type;
    short l_whence;
    off_t l_start;
    off_t l_len;
    pid_t l_pid;
};

/* So struct flock (64-bit) goes with the *64 commands. */
#undef F_GETLK
#undef F_SETLK
#undef F_SETLKW
#define F_GETLK F_GETLK64
#define F_SETLK F_SETLK64
#define F_SETLKW F_SETLKW64

#define O_RSYNC O_SYNC
#define O_EXEC O_PATH
#define O_SEARCH O_PATH

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5

__BEGIN_DECLS

int open(const char* path, int flags, ...);
int openat(int dirfd, const char* path, int flags, ...);
int creat(const char* path, mode_t mode);
int fcntl(int fd, int cmd, ...);

__END_DECLS

#endif
