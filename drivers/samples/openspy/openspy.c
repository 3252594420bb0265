/* openspy: chapter 8's system-call interception. It swaps the open(2) entry
 * of sys_call_table for its own function, which logs the files a chosen user
 * opens and calls the saved original; rmmod puts the original back.
 * kernlab exports sys_call_table for this lesson. Linux has not since 2.6 (and
 * maps it read-only): two modules swapping the same entry, or a module removed
 * while its function is still running, leave the system broken. */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/unistd.h>

extern void *sys_call_table[];

static int uid = -1;
module_param(uid, int, 0644);
MODULE_PARM_DESC(uid, "the user whose opens are logged");

static asmlinkage long (*original_open)(const char __user *, int, int);

static asmlinkage long spy_open(const char __user *filename, int flags, int mode)
{
    char name[64];
    int i;

    if (uid == current->uid) {
        for (i = 0; i < sizeof(name) - 1; i++) {
            if (get_user(name[i], filename + i) || !name[i])
                break;
        }
        name[i] = '\0';
        pr_info("openspy: uid %d opened %s\n", uid, name);
    }
    return original_open(filename, flags, mode);
}

static int __init openspy_init(void)
{
    original_open = sys_call_table[__NR_open];
    sys_call_table[__NR_open] = spy_open;
    pr_info("openspy: spying on uid %d\n", uid);
    return 0;
}

static void __exit openspy_exit(void)
{
    if (sys_call_table[__NR_open] != spy_open)
        pr_alert("openspy: someone else changed the open entry too\n");
    sys_call_table[__NR_open] = original_open;
    pr_info("openspy: open restored\n");
}

module_init(openspy_init);
module_exit(openspy_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Replaces open(2) in sys_call_table (a lesson, not a practice)");
