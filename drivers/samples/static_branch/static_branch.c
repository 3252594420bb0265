/* static_branch: a static key switched from user space, as the module guide's
 * static-key example does. /dev/static_branch reads "enabled" or "disabled";
 * writing "enable" or "disable" flips the key. Every open takes the fast
 * path, and the slow one too while the key is on (the log shows which ran).
 *   cat /dev/static_branch; echo enable > /dev/static_branch; dmesg | tail */
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define DEVICE_NAME "static_branch"

static DEFINE_STATIC_KEY_FALSE(slow_path_key); /* off until someone writes "enable" */
static DEFINE_STATIC_KEY_TRUE(fast_path_key);  /* on: the likely way */

static int major;
static struct class *cls;
static atomic_t slow_path_runs = ATOMIC_INIT(0);
static char state[16];

static int sb_open(struct inode *inode, struct file *file)
{
    snprintf(state, sizeof(state), "%s\n", static_key_enabled(&slow_path_key) ? "enabled" : "disabled");
    if (static_branch_likely(&fast_path_key))
        pr_info("static_branch: fast path\n");
    if (static_branch_unlikely(&slow_path_key)) {
        atomic_inc(&slow_path_runs);
        pr_info("static_branch: slow path (run %d)\n", atomic_read(&slow_path_runs));
    }
    return 0;
}

static ssize_t sb_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    return simple_read_from_buffer(buf, count, ppos, state, strlen(state));
}

static ssize_t sb_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    char command[16];
    size_t length = min(count, sizeof(command) - 1);

    if (copy_from_user(command, buf, length))
        return -EFAULT;
    command[length] = '\0';
    if (strncmp(command, "enable", 6) == 0)
        static_branch_enable(&slow_path_key);
    else if (strncmp(command, "disable", 7) == 0)
        static_branch_disable(&slow_path_key);
    else
        return -EINVAL;
    pr_info("static_branch: key %s\n", static_key_enabled(&slow_path_key) ? "enabled" : "disabled");
    return count;
}

static const struct file_operations sb_fops = {
    .owner = THIS_MODULE,
    .open = sb_open,
    .read = sb_read,
    .write = sb_write,
};

static int __init static_branch_init(void)
{
    major = register_chrdev(0, DEVICE_NAME, &sb_fops);
    if (major < 0)
        return major;
    cls = class_create(THIS_MODULE, DEVICE_NAME);
    if (IS_ERR(cls)) {
        unregister_chrdev(major, DEVICE_NAME);
        return PTR_ERR(cls);
    }
    device_create(cls, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
    pr_info("static_branch: /dev/%s, key %s\n", DEVICE_NAME,
            static_key_enabled(&slow_path_key) ? "enabled" : "disabled");
    return 0;
}

static void __exit static_branch_exit(void)
{
    device_destroy(cls, MKDEV(major, 0));
    class_destroy(cls);
    unregister_chrdev(major, DEVICE_NAME);
}

module_init(static_branch_init);
module_exit(static_branch_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A static key flipped through a character device");
