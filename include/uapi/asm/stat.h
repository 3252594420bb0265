/* struct stat / stat64 exactly as the i386 stat, fstat, lstat (18, 106, 107) and stat64 family (195-197, 300) write them. */
#ifndef _UAPI_ASM_X86_STAT_H
#define _UAPI_ASM_X86_STAT_H

#include <linux/stddef.h>

#define STAT_HAVE_NSEC 1

/* newstat (106..108): 32-bit fields throughout. 64 bytes. */
struct stat {
    unsigned long st_dev;
    unsigned long st_ino;
    unsigned short st_mode;
    unsigned short st_nlink;
    unsigned short st_uid;
    unsigned short st_gid;
    unsigned long st_rdev;
    unsigned long st_size;
    unsigned long st_blksize;
    unsigned long st_blocks;
    unsigned long st_atime;
    unsigned long st_atime_nsec;
    unsigned long st_mtime;
    unsigned long st_mtime_nsec;
    unsigned long st_ctime;
    unsigned long st_ctime_nsec;
    unsigned long __unused4;
    unsigned long __unused5;
};

/*
 * stat64 (195..197, fstatat64 300): 64-bit device, size, blocks and inode. The inode
 * appears twice: truncated in __st_ino (for old programs) and complete in st_ino at
 * the end. long long is 4-aligned in i386 structs, so this is 96 bytes without packing.
 */
struct stat64 {
    unsigned long long st_dev;
    unsigned char __pad0[4];
    unsigned long __st_ino;
    unsigned int st_mode;
    unsigned int st_nlink;
    unsigned long st_uid;
    unsigned long st_gid;
    unsigned long long st_rdev;
    unsigned char __pad3[4];
    long long st_size;
    unsigned long st_blksize;
    unsigned long long st_blocks; /* 512-byte units */
    unsigned long st_atime;
    unsigned long st_atime_nsec;
    unsigned long st_mtime;
    unsigned int st_mtime_nsec;
    unsigned long st_ctime;
    unsigned long st_ctime_nsec;
    unsigned long long st_ino;
};

/* oldstat (18, 28, 84): 16-bit everything. 32 bytes. */
struct __old_kernel_stat {
    unsigned short st_dev;
    unsigned short st_ino;
    unsigned short st_mode;
    unsigned short st_nlink;
    unsigned short st_uid;
    unsigned short st_gid;
    unsigned short st_rdev;
    unsigned long st_size;
    unsigned long st_atime;
    unsigned long st_mtime;
    unsigned long st_ctime;
};

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct stat) == 64, "i386 struct stat is 64 bytes");
__UAPI_ASSERT(sizeof(struct stat64) == 96, "i386 struct stat64 is 96 bytes");
__UAPI_ASSERT(sizeof(struct __old_kernel_stat) == 32, "i386 __old_kernel_stat is 32 bytes");
#endif

#endif
