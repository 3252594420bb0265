/* blkioctl.h: the block-device ioctls of Linux's <linux/fs.h> and <linux/hdreg.h>
 * (same numbers as Linux i386), and blk_size(): a device's or an image file's size.
 * Shared by fdisk and mkfs.ext2. */
#ifndef KERNLAB_BLKIOCTL_H
#define KERNLAB_BLKIOCTL_H

#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#ifndef BLKRRPART
#define BLKRRPART _IO(0x12, 95)              /* re-read the partition table */
#define BLKGETSIZE _IO(0x12, 96)             /* size in 512-byte sectors (unsigned long) */
#define BLKFLSBUF _IO(0x12, 97)              /* flush the buffer cache */
#define BLKSSZGET _IO(0x12, 104)             /* logical sector size (int) */
#define BLKGETSIZE64 _IOR(0x12, 114, size_t) /* size in bytes (uint64_t) */
#endif
#ifndef HDIO_GETGEO
#define HDIO_GETGEO 0x0301
struct hd_geometry {
    unsigned char heads;
    unsigned char sectors;
    unsigned short cylinders;
    unsigned long start;
};
#endif

/* The size in bytes of the open device or regular file fd; 0 if unknown. */
static inline uint64_t blk_size(int fd)
{
    struct stat st;
    uint64_t bytes = 0;
    unsigned long sectors = 0;

    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        return (uint64_t)st.st_size;
    if (ioctl(fd, BLKGETSIZE64, &bytes) == 0)
        return bytes;
    if (ioctl(fd, BLKGETSIZE, &sectors) == 0)
        return (uint64_t)sectors * 512;
    return 0;
}

#endif
