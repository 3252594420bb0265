/* Directory entries as getdents64 (220) and getdents (141) return them, and the DT_* types. */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

#include <linux/types.h>

/*
 * getdents64: records of d_reclen bytes (a multiple of 8), each with a NUL-terminated
 * name. The fixed header is 19 bytes; d_name starts right after d_type.
 */
struct linux_dirent64 {
    __u64 d_ino;
    __s64 d_off; /* opaque cookie: position of the next entry */
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/*
 * getdents (old): the type byte is the last byte of the record, after the name's NUL.
 * Linux does not export this one; it is here for the kernel and tools.
 */
struct linux_dirent {
    unsigned long d_ino;
    unsigned long d_off;
    unsigned short d_reclen;
    char d_name[];
};

__UAPI_ASSERT(__builtin_offsetof(struct linux_dirent64, d_name) == 19, "linux_dirent64 header is 19 bytes");
__UAPI_ASSERT(__builtin_offsetof(struct linux_dirent, d_name) == 10, "linux_dirent header is 10 bytes");

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14

/* S_IF* <-> DT_* */
#define IFTODT(mode) (((mode) & 0170000) >> 12)
#define DTTOIF(dirtype) ((dirtype) << 12)

#endif
