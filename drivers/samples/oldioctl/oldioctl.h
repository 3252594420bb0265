/* The ioctls of /dev/oldioctl (the oldioctl module), shared with its user
 * program (user/samples/oldioctl_user.c). */
#ifndef OLDIOCTL_H
#define OLDIOCTL_H

#include <linux/ioctl.h>

#define OLDIOCTL_MAGIC 'o'
/* Adds the argument to the device's counter. */
#define OLDIOCTL_ADD _IOW(OLDIOCTL_MAGIC, 0, int)
/* Writes the counter to the int the argument points to. */
#define OLDIOCTL_GET _IOR(OLDIOCTL_MAGIC, 1, int *)
/* Returns the minor number of the inode the driver was handed. */
#define OLDIOCTL_MINOR _IO(OLDIOCTL_MAGIC, 2)

#endif
