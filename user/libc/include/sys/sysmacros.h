/* major/minor/makedev for the 64-bit dev_t, encoded like glibc (and Linux's new_encode_dev in stat64). */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

/* Linux's 32-bit encoding: minor low 8 bits, major 12 bits, then minor's high 12 bits. */
#define major(dev) ((unsigned int)((((dev) >> 32) & 0xfffff000) | (((dev) >> 8) & 0x00000fff)))
#define minor(dev) ((unsigned int)((((dev) >> 12) & 0xffffff00) | ((dev) & 0x000000ff)))
#define makedev(ma, mi)                                                                         \
    ((((unsigned long long)(ma) & 0x00000fffULL) << 8) | (((unsigned long long)(ma) & 0xfffff000ULL) << 32) \
        | ((unsigned long long)(mi) & 0x000000ffULL) | (((unsigned long long)(mi) & 0xffffff00ULL) << 12))

#endif
