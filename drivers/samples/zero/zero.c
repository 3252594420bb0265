/* zero: /dev/myzero behaves exactly like /dev/zero: reads return as many zero
 * bytes as asked, writes are accepted and discarded.
 *   dd if=/dev/myzero bs=1k count=4 | wc -c   prints 4096
 * Uses the cdev API: a device number range, a cdev, then a /dev node. */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static dev_t devno;
static struct cdev zero_cdev;
static struct class *zero_class;

static ssize_t zero_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    /* clear_user returns how many bytes it could NOT clear */
    if (clear_user(buf, count))
        return -EFAULT;
    return count;
}

static ssize_t zero_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    return count;
}

static const struct file_operations zero_fops = {
    .owner = THIS_MODULE,
    .read = zero_read,
    .write = zero_write,
};

static int __init zero_init(void)
{
    struct device *device;
    int err = alloc_chrdev_region(&devno, 0, 1, "myzero");

    if (err)
        return err;
    cdev_init(&zero_cdev, &zero_fops);
    zero_cdev.owner = THIS_MODULE;
    err = cdev_add(&zero_cdev, devno, 1);
    if (err)
        goto unregister;
    zero_class = class_create(THIS_MODULE, "myzero");
    if (IS_ERR(zero_class)) {
        err = PTR_ERR(zero_class);
        goto del_cdev;
    }
    device = device_create(zero_class, NULL, devno, NULL, "myzero");
    if (IS_ERR(device)) {
        err = PTR_ERR(device);
        goto destroy_class;
    }
    pr_info("zero: /dev/myzero is %d:%d\n", MAJOR(devno), MINOR(devno));
    return 0;

destroy_class:
    class_destroy(zero_class);
del_cdev:
    cdev_del(&zero_cdev);
unregister:
    unregister_chrdev_region(devno, 1);
    return err;
}

static void __exit zero_exit(void)
{
    device_destroy(zero_class, devno);
    class_destroy(zero_class);
    cdev_del(&zero_cdev);
    unregister_chrdev_region(devno, 1);
    pr_info("zero: unloaded\n");
}

module_init(zero_init);
module_exit(zero_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("/dev/myzero, a copy of /dev/zero");
