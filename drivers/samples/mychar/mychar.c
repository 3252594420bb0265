/* mychar: a char device that answers each read with a message. It registers a
 * major number and makes /dev/mychar through a device class, as drivers do. */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define DEVICE_NAME "mychar"

static int major;
static struct class *mychar_class;
static int reads;

/* Each read() from the start of the file gets the message; then end of file. */
static ssize_t mychar_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    char message[64];
    int len;

    if (*ppos == 0)
        reads++;
    len = snprintf(message, sizeof message, "Hello from mychar! (read number %d)\n", reads);
    pr_info("mychar: read of %zu bytes at offset %lld\n", count, *ppos);
    return simple_read_from_buffer(buf, count, ppos, message, len);
}

static const struct file_operations mychar_fops = {
    .owner = THIS_MODULE,
    .read = mychar_read,
};

static int __init mychar_init(void)
{
    struct device *device;

    major = register_chrdev(0, DEVICE_NAME, &mychar_fops);   /* 0: any free major */
    if (major < 0)
        return major;
    mychar_class = class_create(THIS_MODULE, DEVICE_NAME);
    if (IS_ERR(mychar_class)) {
        unregister_chrdev(major, DEVICE_NAME);
        return PTR_ERR(mychar_class);
    }
    /* device_create makes /dev/mychar for (major, 0) */
    device = device_create(mychar_class, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
    if (IS_ERR(device)) {
        class_destroy(mychar_class);
        unregister_chrdev(major, DEVICE_NAME);
        return PTR_ERR(device);
    }
    pr_info("mychar: registered with major %d, /dev/%s\n", major, DEVICE_NAME);
    return 0;
}

static void __exit mychar_exit(void)
{
    device_destroy(mychar_class, MKDEV(major, 0));
    class_destroy(mychar_class);
    unregister_chrdev(major, DEVICE_NAME);
    pr_info("mychar: unregistered\n");
}

module_init(mychar_init);
module_exit(mychar_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A char device that prints a message per read");
