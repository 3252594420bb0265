/* sleep: blocking I/O with a wait queue. A reader of /proc/sleep sleeps in
 * wait_event_interruptible until a writer stores a message and wakes it:
 *   cat /proc/sleep &     (blocks)
 *   echo wake > /proc/sleep   (cat prints "wake" and ends) */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define BUFFER_SIZE 64

static DECLARE_WAIT_QUEUE_HEAD(sleep_queue);
static char message[BUFFER_SIZE];
static size_t message_len;
static int message_ready;   /* the condition the readers wait for */

static ssize_t sleep_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    size_t len;

    if (*ppos > 0)
        return 0;   /* each reader gets one message, then end of file */
    pr_info("sleep: process %d (%s) going to sleep\n", current->pid, current->comm);
    /* Sleeps until message_ready; a signal (Ctrl-C) ends the wait early. */
    if (wait_event_interruptible(sleep_queue, message_ready))
        return -ERESTARTSYS;
    pr_info("sleep: process %d (%s) woken up\n", current->pid, current->comm);
    len = message_len < count ? message_len : count;
    if (copy_to_user(buf, message, len))
        return -EFAULT;
    message_ready = 0;   /* consumed: the next reader waits for the next write */
    *ppos += len;
    return len;
}

static ssize_t sleep_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    size_t len = count < BUFFER_SIZE ? count : BUFFER_SIZE;

    if (copy_from_user(message, buf, len))
        return -EFAULT;
    message_len = len;
    message_ready = 1;
    pr_info("sleep: process %d (%s) awakening the readers\n", current->pid, current->comm);
    wake_up_interruptible(&sleep_queue);
    return count;
}

static const struct file_operations sleep_fops = {
    .owner = THIS_MODULE,
    .read = sleep_read,
    .write = sleep_write,
};

static int __init sleep_init(void)
{
    if (!proc_create("sleep", 0666, NULL, &sleep_fops))
        return -ENOMEM;
    pr_info("sleep: /proc/sleep created\n");
    return 0;
}

static void __exit sleep_exit(void)
{
    remove_proc_entry("sleep", NULL);
    pr_info("sleep: /proc/sleep removed\n");
}

module_init(sleep_init);
module_exit(sleep_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Readers of /proc/sleep block until a writer wakes them");
