/* oldioctl: a char device driven the Linux 2.6 way: file_operations' .ioctl,
 * which gets the inode as well as the file (6.1 has only unlocked_ioctl), a
 * major the user mknods by hand, and unregister_chrdev's result checked, as 2.6
 * returned one. user/samples/oldioctl_user.c drives it. */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <asm/uaccess.h>
#include "oldioctl.h"

#define DEVICE_NAME "oldioctl"

static int major;
static int counter;

static int oldioctl_ioctl(struct inode *inode, struct file *file, unsigned int cmd, unsigned long arg)
{
    if (inode != file_inode(file))
        return -EINVAL;   /* the kernel must hand us the file's own inode */
    switch (cmd) {
    case OLDIOCTL_ADD:
        counter += (int)arg;
        return 0;
    case OLDIOCTL_GET:
        return put_user(counter, (int __user *)arg);
    case OLDIOCTL_MINOR:
        return iminor(inode);
    default:
        return -ENOTTY;
    }
}

static const struct file_operations oldioctl_fops = {
    .owner = THIS_MODULE,
    .ioctl = oldioctl_ioctl,
};

static int __init oldioctl_init(void)
{
    major = register_chrdev(0, DEVICE_NAME, &oldioctl_fops);
    if (major < 0)
        return major;
    printk(KERN_INFO "oldioctl: mknod /dev/%s c %d 0\n", DEVICE_NAME, major);
    return 0;
}

static void __exit oldioctl_exit(void)
{
    int ret = unregister_chrdev(major, DEVICE_NAME);
    printk(KERN_INFO "oldioctl: unregister_chrdev returned %d\n", ret);
    ret = unregister_chrdev(major, DEVICE_NAME);   /* gone already: an error */
    printk(KERN_INFO "oldioctl: again: %d\n", ret);
}

module_init(oldioctl_init);
module_exit(oldioctl_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A 2.6-style .ioctl char device");
