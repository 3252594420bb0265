/* What a tty driver provides (Linux's linux/tty_driver.h): its operations,
 * called by the tty layer and by modules that write to a terminal directly. */
#ifndef _LINUX_TTY_DRIVER_H
#define _LINUX_TTY_DRIVER_H

#include <linux/types.h>

struct file;
struct tty_struct;

struct tty_operations {
    /* Writes `count` bytes to the hardware as they are (no \n to \r\n); returns
     * how many it took. */
    int (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
    int (*put_char)(struct tty_struct *tty, unsigned char ch);
    unsigned int (*write_room)(struct tty_struct *tty);
    /* Driver ioctls (a VT's KDSETLED...); -ENOIOCTLCMD for the ones it lacks. */
    int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
};

#define TTY_DRIVER_MAGIC 0x5402

#define TTY_DRIVER_TYPE_SYSTEM 0x0001
#define TTY_DRIVER_TYPE_CONSOLE 0x0002
#define TTY_DRIVER_TYPE_SERIAL 0x0003

struct tty_driver {
    int magic;                     /* TTY_DRIVER_MAGIC */
    const char *driver_name;       /* "vt", "serial" */
    const char *name;              /* device name prefix: "tty", "ttyS" */
    int name_base;
    int major;
    int minor_start;
    unsigned int num;
    short type;
    const struct tty_operations *ops;
    /* Linux 2.6 kept the operations in the driver itself, ioctl with the file
     * (write lost its from_user flag in 2.6.10: the 2.6 guide's print_string
     * picks this form for a kernel newer than that). These call ops. */
    int (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
    int (*ioctl)(struct tty_struct *tty, struct file *file, unsigned int cmd, unsigned long arg);
};

#endif
