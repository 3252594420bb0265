/* debugfs_demo: debugging files in /sys/kernel/debug/debugfs_demo/:
 *   hits     u32, 0644: reads of message, shown here; root may set it
 *   flags    u8,  0444: read-only
 *   enabled  bool, 0644: Y or N
 *   message  a file with its own file_operations: reads give the message,
 *            writes replace it (its inode's i_private is the buffer)
 * debugfs_remove_recursive takes the whole directory away at rmmod. */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static struct dentry *demo_dir;
static u32 hits = 5;
static u8 flags = 0x21;
static bool enabled = true;
static char message[64] = "debugfs says hi\n";

static ssize_t message_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    const char *text = file->private_data;   /* simple_open put i_private there */

    if (*ppos == 0)
        hits++;   /* one hit per read from the start, however many read() calls */
    return simple_read_from_buffer(buf, count, ppos, text, strlen(text));
}

static ssize_t message_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    char *text = file->private_data;
    ssize_t length;

    if (*ppos == 0)
        memset(text, 0, sizeof(message));
    length = simple_write_to_buffer(text, sizeof(message) - 1, ppos, buf, count);
    if (length > 0)
        pr_info("debugfs_demo: new message of %zd bytes\n", length);
    return length;
}

static const struct file_operations message_fops = {
    .owner = THIS_MODULE,
    .open = simple_open,
    .read = message_read,
    .write = message_write,
};

static int __init debugfs_demo_init(void)
{
    struct dentry *file;

    demo_dir = debugfs_create_dir("debugfs_demo", NULL);
    if (IS_ERR(demo_dir))
        return PTR_ERR(demo_dir);
    debugfs_create_u32("hits", 0644, demo_dir, &hits);
    debugfs_create_u8("flags", 0444, demo_dir, &flags);
    debugfs_create_bool("enabled", 0644, demo_dir, &enabled);
    file = debugfs_create_file("message", 0644, demo_dir, message, &message_fops);
    if (IS_ERR(file)) {
        debugfs_remove_recursive(demo_dir);
        return PTR_ERR(file);
    }
    pr_info("debugfs_demo: files in /sys/kernel/debug/debugfs_demo\n");
    return 0;
}

static void __exit debugfs_demo_exit(void)
{
    debugfs_remove_recursive(demo_dir);
    pr_info("debugfs_demo: hits=%u enabled=%d at exit\n", hits, enabled);
}

module_init(debugfs_demo_init);
module_exit(debugfs_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("debugfs files: values and a file with its own fops");
