/* vfs_proc: the /proc/hello exercise. open/read/write/release log what they do;
 * reading gives "hello reader!" until something is written, then what was
 * written. Writes longer than the buffer are cut, never overflow it. */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

#define NAME "hello"
#define MODE 0666           /* -rw-rw-rw-: anyone may read and write */
#define BUFFER_SIZE 64

static struct proc_dir_entry *hello_file;
static char message[BUFFER_SIZE] = "hello reader!\n";
static size_t message_len = 14;

static int hello_open(struct inode *inode, struct file *file)
{
    printk(KERN_INFO "hello: open\n");
    return 0;
}

static int hello_release(struct inode *inode, struct file *file)
{
    printk(KERN_INFO "hello: close\n");    /* the seed model answer's word */
    return 0;
}

/* Gives the message from *ppos on; 0 (end of file) once it has all been read. */
static ssize_t hello_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    printk(KERN_INFO "hello: read\n");
    return simple_read_from_buffer(buf, count, ppos, message, message_len);
}

/* Keeps the first BUFFER_SIZE bytes and accepts the rest silently, so the
 * writer does not retry the bytes we dropped. */
static ssize_t hello_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    size_t len = count < BUFFER_SIZE ? count : BUFFER_SIZE;

    printk(KERN_INFO "hello: write\n");
    if (copy_from_user(message, buf, len))
        return -EFAULT;
    message_len = len;
    return count;
}

static const struct file_operations hello_fops = {
    .owner = THIS_MODULE,
    .open = hello_open,         /* open() */
    .release = hello_release,   /* close() of the last descriptor */
    .read = hello_read,         /* read() */
    .write = hello_write,       /* write() */
};

static int __init vfs_proc_init(void)
{
    /* parent NULL: directly under /proc */
    hello_file = proc_create(NAME, MODE, NULL, &hello_fops);
    if (!hello_file) {
        printk(KERN_ERR "vfs_proc: could not create /proc/" NAME "\n");
        return -ENOMEM;
    }
    printk(KERN_INFO "vfs_proc: init\n");
    return 0;
}

static void __exit vfs_proc_exit(void)
{
    remove_proc_entry(NAME, NULL);
    printk(KERN_INFO "vfs_proc: exit\n");
}

module_init(vfs_proc_init);
module_exit(vfs_proc_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("/proc/hello with open, read, write and release callbacks");
