/* sleep_on: a reader of /dev/sleep_on sleeps until a writer leaves a message,
 * with Linux 2.6's interruptible_sleep_on() (chapter 9's module_interruptible_
 * sleep_on); a signal (Ctrl-C) ends the sleep with -EINTR, as the guide says. The
 * test and the sleep are not atomic: the loop tests again after every wake-up,
 * and a wake-up between them is lost (why Linux 3.15 removed it for wait_event). */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define DEVICE_NAME "sleep_on"

static int major;
static DECLARE_WAIT_QUEUE_HEAD(readers);
static char message[64];
static int message_len;   /* 0: nothing to read yet */

static ssize_t sleep_on_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    int len;

    if (*ppos)
        return 0;   /* one message per open: then end of file */
    while (!message_len) {
        pr_info("sleep_on: %s (pid %d) sleeps\n", current->comm, current->pid);
        interruptible_sleep_on(&readers);
        if (signal_pending(current)) {
            pr_info("sleep_on: %s woken by a signal\n", current->comm);
            return -EINTR;
        }
    }
    len = min_t(int, message_len, count);
    if (copy_to_user(buf, message, len))
        return -EFAULT;
    message_len = 0;   /* one reader takes it */
    *ppos += len;
    return len;
}

static ssize_t sleep_on_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    int len = min_t(int, count, sizeof(message));

    if (copy_from_user(message, buf, len))
        return -EFAULT;
    message_len = len;
    wake_up_interruptible(&readers);
    return count;
}

static const struct file_operations sleep_on_fops = {
    .owner = THIS_MODULE,
    .read = sleep_on_read,
    .write = sleep_on_write,
};

static int __init sleep_on_init(void)
{
    major = register_chrdev(0, DEVICE_NAME, &sleep_on_fops);
    if (major < 0)
        return major;
    pr_info("sleep_on: mknod /dev/%s c %d 0\n", DEVICE_NAME, major);
    return 0;
}

static void __exit sleep_on_exit(void)
{
    unregister_chrdev(major, DEVICE_NAME);
}

module_init(sleep_on_init);
module_exit(sleep_on_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Readers sleep with interruptible_sleep_on until a writer wakes them");
