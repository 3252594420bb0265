/* procfs_seq: /proc files the Linux 5.6+ way, with struct proc_ops and seq_file.
 *   /proc/procfs_seq/            proc_mkdir
 *   /proc/procfs_seq/limit       single_open: "limit N"; writing a number sets N
 *                                (proc_write, kstrtouint_from_user)
 *   /proc/procfs_seq/squares     seq_operations: N lines "i squared is i*i",
 *                                owned by uid 1000 (proc_set_user)
 * Both get the module's settings through proc_create_data and pde_data(). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#define DIR_NAME "procfs_seq"
#define LIMIT_MAX 100000

struct squares_settings {
    unsigned int limit;         /* lines in squares */
};

static struct squares_settings settings = { .limit = 10 };
static struct proc_dir_entry *dir;

/* ---- limit: one show() call makes the whole file ---- */

static int limit_show(struct seq_file *m, void *v)
{
    struct squares_settings *s = m->private;

    seq_printf(m, "limit %u\n", s->limit);
    return 0;
}

static int limit_open(struct inode *inode, struct file *file)
{
    return single_open(file, limit_show, pde_data(inode));
}

static ssize_t limit_write(struct file *file, const char __user *buffer, size_t count, loff_t *pos)
{
    struct squares_settings *s = pde_data(file_inode(file));
    unsigned int limit;
    int error = kstrtouint_from_user(buffer, count, 10, &limit);

    if (error)
        return error;
    if (limit > LIMIT_MAX)
        return -EINVAL;
    s->limit = limit;
    pr_info("procfs_seq: limit set to %u\n", limit);
    return count;
}

static const struct proc_ops limit_ops = {
    .proc_open = limit_open,
    .proc_read = seq_read,
    .proc_write = limit_write,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
};

/* ---- squares: one record per line; seq_file restarts at *pos after each buffer ---- */

static void *squares_start(struct seq_file *m, loff_t *pos)
{
    struct squares_settings *s = m->private;

    return *pos < s->limit ? pos : NULL;
}

static void *squares_next(struct seq_file *m, void *v, loff_t *pos)
{
    ++*pos;
    return squares_start(m, pos);
}

static void squares_stop(struct seq_file *m, void *v)
{
}

static int squares_show(struct seq_file *m, void *v)
{
    unsigned long i = (unsigned long)*(loff_t *)v;

    seq_printf(m, "%lu squared is %lu\n", i, i * i);
    return 0;
}

static const struct seq_operations squares_seq_ops = {
    .start = squares_start,
    .next = squares_next,
    .stop = squares_stop,
    .show = squares_show,
};

static int squares_open(struct inode *inode, struct file *file)
{
    int error = seq_open(file, &squares_seq_ops);

    if (!error)
        ((struct seq_file *)file->private_data)->private = pde_data(inode);
    return error;
}

static const struct proc_ops squares_ops = {
    .proc_open = squares_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = seq_release,
};

static int __init procfs_seq_init(void)
{
    struct proc_dir_entry *squares;

    dir = proc_mkdir(DIR_NAME, NULL);
    if (!dir)
        return -ENOMEM;
    squares = proc_create_data("squares", 0444, dir, &squares_ops, &settings);
    if (!squares || !proc_create_data("limit", 0644, dir, &limit_ops, &settings)) {
        proc_remove(dir);
        pr_alert("Error: Could not initialize /proc/%s\n", DIR_NAME);
        return -ENOMEM;
    }
    proc_set_user(squares, KUIDT_INIT(1000), KGIDT_INIT(1000));
    pr_info("/proc/%s created\n", DIR_NAME);
    return 0;
}

static void __exit procfs_seq_exit(void)
{
    proc_remove(dir);   /* the directory and what is in it */
    pr_info("/proc/%s removed\n", DIR_NAME);
}

module_init(procfs_seq_init);
module_exit(procfs_seq_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/proc files with proc_ops and seq_file (Linux 5.6+)");
