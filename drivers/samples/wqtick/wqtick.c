/* wqtick: a work item that queues itself again on its own work queue every
 * tick_ms, counting its runs in /proc/wqtick. Written the Linux 2.6 way (the
 * guide's sched.c): DECLARE_WORK with a data pointer and a void * function,
 * queue_delayed_work and cancel_delayed_work on the work_struct itself, and
 * create_workqueue / flush_workqueue / destroy_workqueue. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/workqueue.h>

static unsigned int tick_ms = 100;
module_param(tick_ms, uint, 0444);
MODULE_PARM_DESC(tick_ms, "Milliseconds between runs");

struct tick_count {
    unsigned int runs;
    int stopping;   /* set by unload: the work no longer queues itself */
};

static struct tick_count count;
static struct workqueue_struct *tick_queue;
static void tick(void *data);
static DECLARE_WORK(tick_work, tick, &count);

/* Runs on the queue's worker thread; `data` is what DECLARE_WORK was given. */
static void tick(void *data)
{
    struct tick_count *c = data;

    c->runs++;
    if (!c->stopping)
        queue_delayed_work(tick_queue, &tick_work, msecs_to_jiffies(tick_ms));
}

static int wqtick_show(struct seq_file *m, void *v)
{
    seq_printf(m, "Work ran %u times so far\n", count.runs);
    return 0;
}

static int wqtick_open(struct inode *inode, struct file *file)
{
    return single_open(file, wqtick_show, NULL);
}

static const struct file_operations wqtick_fops = {
    .owner = THIS_MODULE,
    .open = wqtick_open,
    .read = seq_read,
    .llseek = seq_lseek,
    .release = single_release,
};

static int __init wqtick_init(void)
{
    tick_queue = create_workqueue("wqtick");
    if (!tick_queue)
        return -ENOMEM;
    if (!proc_create("wqtick", 0444, NULL, &wqtick_fops)) {
        destroy_workqueue(tick_queue);
        return -ENOMEM;
    }
    queue_delayed_work(tick_queue, &tick_work, msecs_to_jiffies(tick_ms));
    pr_info("wqtick: running every %u ms\n", tick_ms);
    return 0;
}

static void __exit wqtick_exit(void)
{
    remove_proc_entry("wqtick", NULL);
    count.stopping = 1;                /* no new runs queue themselves */
    cancel_delayed_work(&tick_work);   /* one that is waiting does not start */
    flush_workqueue(tick_queue);       /* one that is running has finished */
    destroy_workqueue(tick_queue);
    pr_info("wqtick: stopped after %u runs\n", count.runs);
}

module_init(wqtick_init);
module_exit(wqtick_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A 2.6-style work item that queues itself with a delay");
