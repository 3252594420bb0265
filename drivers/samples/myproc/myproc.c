/* myproc: /proc/myproc keeps what was written to it:
 *   echo 12345 > /proc/myproc; cat /proc/myproc   prints 12345
 * Written with the 2.6-era API the course solutions use: create_proc_entry()
 * and the read_proc/write_proc callbacks. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define BUFFER_SIZE 128

static char buffer[BUFFER_SIZE];
static int buffer_len;

/* The whole file at once: *start stays NULL, so the kernel skips `off` bytes. */
static int myproc_read(char *page, char **start, off_t off, int count, int *eof, void *data)
{
    int len = buffer_len < count ? buffer_len : count;

    printk(KERN_INFO "procfs_read: read %d bytes\n", len);
    memcpy(page, buffer, len);
    *eof = 1;
    return len;
}

/* Replaces the contents with the first BUFFER_SIZE bytes written. */
static int myproc_write(struct file *file, const char __user *user_buffer, unsigned long count, void *data)
{
    int len = count < BUFFER_SIZE ? count : BUFFER_SIZE;

    if (copy_from_user(buffer, user_buffer, len))
        return -EFAULT;
    buffer_len = len;
    printk(KERN_INFO "procfs_write: write %lu bytes\n", count);
    return count;
}

static int __init myproc_init(void)
{
    struct proc_dir_entry *entry = create_proc_entry("myproc", 0666, NULL);

    if (!entry)
        return -ENOMEM;
    entry->read_proc = myproc_read;
    entry->write_proc = myproc_write;
    printk(KERN_INFO "test_proc created.\n");    /* the lab's words */
    return 0;
}

static void __exit myproc_exit(void)
{
    remove_proc_entry("myproc", NULL);
    printk(KERN_INFO "test_proc deleted.\n");
}

module_init(myproc_init);
module_exit(myproc_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("/proc/myproc: read back what was written (create_proc_entry API)");
