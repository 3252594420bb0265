/* chardev: counts how often /dev/chardev was opened and says so on read:
 * "I already told you N times Hello world!". While a process has it open the
 * module is held (try_module_get), so rmmod is refused ("Used by" 1). */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define DEVICE_NAME "chardev"

static int major;
static struct class *chardev_class;
static int counter;
static char message[64];   /* what the latest open has to say */
static int message_len;

static int chardev_open(struct inode *inode, struct file *file)
{
    if (!try_module_get(THIS_MODULE))   /* held until release: rmmod must wait */
        return -ENODEV;
    counter++;
    message_len = snprintf(message, sizeof message, "I already told you %d times Hello world!\n", counter);
    return 0;
}

static int chardev_release(struct inode *inode, struct file *file)
{
    module_put(THIS_MODULE);
    return 0;
}

static ssize_t chardev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    return simple_read_from_buffer(buf, count, ppos, message, message_len);
}

static ssize_t chardev_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    printk(KERN_ALERT "Sorry, this operation isn't supported.\n");
    return -EINVAL;
}

static const struct file_operations chardev_fops = {
    .read = chardev_read,
    .write = chardev_write,
    .open = chardev_open,
    .release = chardev_release,
};

static int __init chardev_init(void)
{
    major = register_chrdev(0, DEVICE_NAME, &chardev_fops);
    if (major < 0)
        return major;
    chardev_class = class_create(THIS_MODULE, DEVICE_NAME);
    if (IS_ERR(chardev_class)) {
        unregister_chrdev(major, DEVICE_NAME);
        return PTR_ERR(chardev_class);
    }
    device_create(chardev_class, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
    printk(KERN_INFO "I was assigned major number %d. To talk to\n", major);
    printk(KERN_INFO "the driver, open /dev/%s (made for you; on Linux 2.6:\n", DEVICE_NAME);
    printk(KERN_INFO "'mknod /dev/%s c %d 0').\n", DEVICE_NAME, major);
    return 0;
}

static void __exit chardev_exit(void)
{
    device_destroy(chardev_class, MKDEV(major, 0));
    class_destroy(chardev_class);
    unregister_chrdev(major, DEVICE_NAME);
}

module_init(chardev_init);
module_exit(chardev_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Counts its opens; held while open");
