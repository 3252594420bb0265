/* Device numbers as Linux keeps them inside the kernel: 12-bit major, 20-bit minor. */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <linux/types.h>

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

/* The encoding user space sees in st_rdev and passes to mknod (Linux's
 * new_encode_dev): minor low 8 bits, major, then the minor's high bits. */
static inline u32 new_encode_dev(dev_t dev)
{
    unsigned int major = MAJOR(dev), minor = MINOR(dev);
    return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
    unsigned int major = (dev & 0xfff00) >> 8;
    unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    return MKDEV(major, minor);
}

#endif
