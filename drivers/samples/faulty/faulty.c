/* faulty: a module with a bug on purpose, for reading an oops (LDD3's faulty,
 * with a /proc file instead of a char device):
 *   insmod /lib/modules/faulty.ko; busybox echo 1 > /proc/faulty
 * The write dereferences NULL: the oops names "faulty_write+0x../0x.. [faulty]",
 * the writing process is killed, the kernel goes on. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>

/* noipa (no inlining, no clone): the oops names this function and its caller. */
static __attribute__((noipa)) void faulty_poke(volatile int *pointer)
{
    *pointer = 0;
}

static ssize_t faulty_write(struct file *file, const char __user *buffer, size_t count, loff_t *pos)
{
    printk(KERN_INFO "faulty: writing to address 0\n");
    faulty_poke(NULL);
    return count;
}

static const struct file_operations faulty_fops = {
    .owner = THIS_MODULE,
    .write = faulty_write,
};

static int __init faulty_init(void)
{
    if (!proc_create("faulty", 0222, NULL, &faulty_fops))
        return -ENOMEM;
    return 0;
}

static void __exit faulty_exit(void)
{
    remove_proc_entry("faulty", NULL);
}

module_init(faulty_init);
module_exit(faulty_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Oopses on purpose when /proc/faulty is written");
