/* tasklist: the task structure as modules read it, both generations.
 * At load it walks every process with for_each_process() (pid, name, state,
 * parent); /dev/tasklist (mknod it with the major it prints) reads back who is
 * reading: the ids through 2.6's current->uid fields, 6.1's current->cred and
 * current_uid(), which must agree. */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>

#define DEVICE_NAME "tasklist"

static int major;

static ssize_t tasklist_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    char text[200];
    int len = snprintf(text, sizeof(text),
        "comm=%s pid=%d uid=%d euid=%d gid=%d egid=%d cred_uid=%u cred_euid=%u current_uid=%u current_gid=%u\n",
        current->comm, current->pid, current->uid, current->euid, current->gid, current->egid,
        from_kuid(&init_user_ns, current->cred->uid), from_kuid(&init_user_ns, current->cred->euid),
        from_kuid(&init_user_ns, current_uid()), from_kgid(&init_user_ns, current_gid()));
    return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations tasklist_fops = {
    .owner = THIS_MODULE,
    .read = tasklist_read,
};

static int __init tasklist_init(void)
{
    struct task_struct *task;
    int processes = 0;

    rcu_read_lock();
    for_each_process(task) {
        pr_info("tasklist: %d %s state %ld parent %d\n", task->pid, task->comm, task->state,
            task->parent ? task->parent->pid : 0);
        processes++;
    }
    rcu_read_unlock();
    pr_info("tasklist: %d processes, loaded by %s (pid %d, uid %d)\n", processes, current->comm,
        current->pid, current->uid);

    major = register_chrdev(0, DEVICE_NAME, &tasklist_fops);
    if (major < 0)
        return major;
    pr_info("tasklist: mknod /dev/%s c %d 0\n", DEVICE_NAME, major);
    return 0;
}

static void __exit tasklist_exit(void)
{
    unregister_chrdev(major, DEVICE_NAME);   /* 6.1's way: a statement */
}

module_init(tasklist_init);
module_exit(tasklist_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("for_each_process and current's ids, 2.6 and 6.1 style");
