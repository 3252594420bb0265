/* kprobe_count: counts the calls of a kernel function with a kprobe.
 *   insmod kprobe_count.ko                     probes sys_sync (the default)
 *   insmod kprobe_count.ko symbol=sys_getppid  another function, by name
 *   insmod kprobe_count.ko addr=0xc0123450     or by address (/proc/kallsyms)
 *   sync; cat /proc/kprobe_count
 * The pre_handler runs before the function's first instruction, the
 * post_handler right after it; rmmod takes the probe out. */
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static char *symbol = "sys_sync";
module_param(symbol, charp, 0444);
MODULE_PARM_DESC(symbol, "the function to probe (default sys_sync)");

static unsigned long addr;
module_param(addr, ulong, 0444);
MODULE_PARM_DESC(addr, "its address instead of its name");

static unsigned long pre_calls, post_calls, wrong_ip;
static unsigned long first_argument;

static struct kprobe kp;

/* Before the probed instruction: on x86 ip is just past the int3. */
static int count_pre(struct kprobe *p, struct pt_regs *regs)
{
    if (regs->ip != (unsigned long)p->addr + 1)
        wrong_ip++;
    first_argument = regs_get_kernel_argument(regs, 0);
    pre_calls++;
    return 0; /* let the instruction run */
}

/* After it: the function goes on from here. */
static void count_post(struct kprobe *p, struct pt_regs *regs, unsigned long flags)
{
    post_calls++;
}

static int kprobe_count_show(struct seq_file *m, void *v)
{
    char where[KSYM_SYMBOL_LEN];

    sprint_symbol(where, (unsigned long)kp.addr);
    seq_printf(m, "%s at %px: %lu calls (%lu post, %lu missed, %lu wrong ip)\n", where, kp.addr, pre_calls,
               post_calls, kp.nmissed, wrong_ip);
    seq_printf(m, "last first argument: %lu\n", first_argument);
    return 0;
}

static int kprobe_count_open(struct inode *inode, struct file *file)
{
    return single_open(file, kprobe_count_show, NULL);
}

static const struct proc_ops kprobe_count_fops = {
    .proc_open = kprobe_count_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
};

static int __init kprobe_count_init(void)
{
    int ret;

    kp.pre_handler = count_pre;
    kp.post_handler = count_post;
    if (addr)
        kp.addr = (kprobe_opcode_t *)addr;
    else
        kp.symbol_name = symbol;
    ret = register_kprobe(&kp);
    if (ret < 0) {
        pr_err("kprobe_count: register_kprobe failed, returned %d\n", ret);
        return ret;
    }
    if (!proc_create("kprobe_count", 0444, NULL, &kprobe_count_fops)) {
        unregister_kprobe(&kp);
        return -ENOMEM;
    }
    pr_info("kprobe_count: planted kprobe at %pS (%px)\n", kp.addr, kp.addr);
    return 0;
}

static void __exit kprobe_count_exit(void)
{
    remove_proc_entry("kprobe_count", NULL);
    unregister_kprobe(&kp);
    pr_info("kprobe_count: kprobe at %px unregistered after %lu calls\n", kp.addr, pre_calls);
}

module_init(kprobe_count_init);
module_exit(kprobe_count_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Counts the calls of a kernel function with a kprobe");
