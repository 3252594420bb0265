/* chardev_ioctl: a char device controlled by ioctl(): IOCTL_SET_MSG stores a
 * message, IOCTL_GET_MSG returns it, IOCTL_GET_NTH_BYTE returns one byte.
 * read() gives the message too. See chardev_ioctl.h and user/samples/ioctl_user.c. */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "chardev_ioctl.h"

#define DEVICE_NAME "chardev_ioctl"

static int major;
static struct class *ioctl_class;
static char message[CHARDEV_MSG_LEN] = "no message yet\n";

static long chardev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    char __user *user_msg = (char __user *)arg;
    long i;

    switch (cmd) {
    case IOCTL_SET_MSG:
        /* Copy up to and with the NUL, never past the buffer. */
        for (i = 0; i < CHARDEV_MSG_LEN - 1; i++) {
            if (get_user(message[i], user_msg + i))
                return -EFAULT;
            if (message[i] == '\0')
                break;
        }
        message[i] = '\0';
        pr_info("chardev_ioctl: message set to \"%s\"\n", message);
        return 0;
    case IOCTL_GET_MSG:
        if (copy_to_user(user_msg, message, strlen(message) + 1))
            return -EFAULT;
        return 0;
    case IOCTL_GET_NTH_BYTE:
        if (arg >= strlen(message))
            return -EINVAL;
        return message[arg];
    default:
        return -ENOTTY;   /* not one of ours */
    }
}

static ssize_t chardev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    return simple_read_from_buffer(buf, count, ppos, message, strlen(message));
}

static const struct file_operations chardev_ioctl_fops = {
    .owner = THIS_MODULE,
    .read = chardev_read,
    .unlocked_ioctl = chardev_ioctl,
};

static int __init chardev_ioctl_init(void)
{
    major = register_chrdev(0, DEVICE_NAME, &chardev_ioctl_fops);
    if (major < 0)
        return major;
    ioctl_class = class_create(THIS_MODULE, DEVICE_NAME);
    if (IS_ERR(ioctl_class)) {
        unregister_chrdev(major, DEVICE_NAME);
        return PTR_ERR(ioctl_class);
    }
    device_create(ioctl_class, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
    pr_info("chardev_ioctl: %s is ready\n", CHARDEV_IOCTL_DEVICE);
    return 0;
}

static void __exit chardev_ioctl_exit(void)
{
    device_destroy(ioctl_class, MKDEV(major, 0));
    class_destroy(ioctl_class);
    unregister_chrdev(major, DEVICE_NAME);
}

module_init(chardev_ioctl_init);
module_exit(chardev_ioctl_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Set and get a message through ioctl()");
