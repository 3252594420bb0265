/* The ioctls of /dev/chardev_ioctl, shared by the module and its user program
 * (user/samples/ioctl_user.c): set and get a message, read one byte of it. */
#ifndef CHARDEV_IOCTL_H
#define CHARDEV_IOCTL_H

#include <linux/ioctl.h>

#define CHARDEV_IOCTL_MAGIC 'k'      /* the "type" byte of our ioctl numbers */
#define CHARDEV_MSG_LEN 80

/* _IOW: user space writes to the driver; _IOR: reads; _IOWR: both. The size
 * argument is what the pointer points to. */
#define IOCTL_SET_MSG _IOW(CHARDEV_IOCTL_MAGIC, 0, char *)
#define IOCTL_GET_MSG _IOR(CHARDEV_IOCTL_MAGIC, 1, char *)
#define IOCTL_GET_NTH_BYTE _IOWR(CHARDEV_IOCTL_MAGIC, 2, int)

#define CHARDEV_IOCTL_DEVICE "/dev/chardev_ioctl"

#endif
