/* Misc devices: char devices on major 10 that need only a minor and a name;
 * misc_register() also makes /dev/<name>. */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/device.h>
#include <linux/fs.h>
#include <linux/major.h>
#include <linux/types.h>

#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
    int minor;                       /* MISC_DYNAMIC_MINOR: pick a free one (written back) */
    const char *name;
    const struct file_operations *fops;
    struct list_head list;
    struct device *parent;
    struct device *this_device;      /* set by misc_register */
    const void *groups;
    const char *nodename;            /* the node under /dev, if not `name` */
    umode_t mode;                    /* the node's permissions (0: 0600) */
};

#ifdef __cplusplus
extern "C" {
#endif

/* 0, -EBUSY (minor taken), -EINVAL or -ENOMEM. */
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#ifdef __cplusplus
}
#endif

#endif
