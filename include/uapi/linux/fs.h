/* <linux/fs.h> for user space: the block-device ioctls (Linux's values). The
 * kernel's include/linux/fs.h is the driver API; it does not include this. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#include <linux/ioctl.h>

#define BLKROSET _IO(0x12, 93)
#define BLKROGET _IO(0x12, 94)
#define BLKRRPART _IO(0x12, 95)      /* re-read the partition table */
#define BLKGETSIZE _IO(0x12, 96)     /* size in 512-byte sectors, unsigned long */
#define BLKFLSBUF _IO(0x12, 97)      /* write back and drop the buffer cache */
#define BLKSSZGET _IO(0x12, 104)     /* logical sector size, int */
#define BLKBSZGET _IOR(0x12, 112, size_t)
#define BLKGETSIZE64 _IOR(0x12, 114, size_t)   /* size in bytes, u64 (0x80041272 on i386) */

#endif
