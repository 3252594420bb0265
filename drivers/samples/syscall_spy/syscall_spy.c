/* syscall_spy: the module guide's system-call interception, Linux 5.7+ way.
 * kallsyms_lookup_name is no longer exported there, so the module plants a
 * kprobe on it only to learn its address (register_kprobe fills in .addr),
 * asks it for sys_call_table, and swaps the openat(2) entry for a function
 * that logs the files one user opens before calling the original.
 *   insmod syscall_spy.ko uid=1000; ...; rmmod syscall_spy
 * rmmod restores the entry, then waits a little: a task may still be inside
 * spy_openat, whose code goes away with the module. */
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/unistd.h>

static int uid = -1;
module_param(uid, int, 0644);
MODULE_PARM_DESC(uid, "the user whose openat calls are logged");

typedef asmlinkage long (*openat_fn)(int dfd, const char __user *filename, int flags, umode_t mode);

static unsigned long **table;
static openat_fn original_openat;

static asmlinkage long spy_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
    char name[96];
    long copied;

    if (__kuid_val(current_uid()) == (uid_t)uid) {
        copied = strncpy_from_user(name, filename, sizeof(name) - 1);
        name[copied < 0 ? 0 : copied] = '\0';
        pr_info("syscall_spy: uid %d opened %s\n", uid, name);
    }
    return original_openat(dfd, filename, flags, mode);
}

/* The kprobe trick: registering fills in the address, then the probe goes. */
static unsigned long **find_sys_call_table(void)
{
    unsigned long (*lookup_name)(const char *name);
    struct kprobe kp = {
        .symbol_name = "kallsyms_lookup_name",
    };

    if (register_kprobe(&kp) < 0)
        return NULL;
    lookup_name = (unsigned long (*)(const char *))kp.addr;
    unregister_kprobe(&kp);
    pr_info("syscall_spy: kallsyms_lookup_name is at %px\n", lookup_name);
    return (unsigned long **)lookup_name("sys_call_table");
}

/* CR0.WP off while the entry changes: Linux maps the table read-only. */
static void set_entry(unsigned long *value)
{
    unsigned long cr0 = read_cr0();

    write_cr0(cr0 & ~X86_CR0_WP);
    table[__NR_openat] = value;
    write_cr0(cr0);
}

static int __init syscall_spy_init(void)
{
    table = find_sys_call_table();
    if (!table) {
        pr_err("syscall_spy: sys_call_table not found\n");
        return -ENOENT;
    }
    original_openat = (openat_fn)table[__NR_openat];
    set_entry((unsigned long *)spy_openat);
    pr_info("syscall_spy: sys_call_table at %px, spying on uid %d\n", table, uid);
    return 0;
}

static void __exit syscall_spy_exit(void)
{
    if (table[__NR_openat] != (unsigned long *)spy_openat)
        pr_alert("syscall_spy: someone else changed the openat entry too\n");
    set_entry((unsigned long *)original_openat);
    msleep(100);
    pr_info("syscall_spy: openat restored\n");
}

module_init(syscall_spy_init);
module_exit(syscall_spy_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Logs one user's openat calls through sys_call_table, found with a kprobe");
