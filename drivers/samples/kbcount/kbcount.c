/* kbcount: an interrupt handler on the keyboard's line (IRQ 1), shared with the
 * keyboard driver. It counts the interrupts (one per key press and one per
 * release); /proc/kbcount shows the count. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define KEYBOARD_IRQ 1

static unsigned long interrupts;
static int dev_id;   /* any unique address: names our handler on the shared line */

/* Runs in interrupt context: no sleeping, keep it short. It leaves the scan code
 * in the controller for the keyboard driver, so it does not read port 0x60. */
static irqreturn_t kbcount_interrupt(int irq, void *dev)
{
    interrupts++;
    return IRQ_NONE;   /* not handled by us alone: the keyboard driver handles it */
}

static int kbcount_show(struct seq_file *m, void *v)
{
    seq_printf(m, "%lu\n", interrupts);
    return 0;
}

static int kbcount_open(struct inode *inode, struct file *file)
{
    return single_open(file, kbcount_show, NULL);
}

static const struct file_operations kbcount_fops = {
    .owner = THIS_MODULE,
    .open = kbcount_open,
    .read = seq_read,
    .llseek = seq_lseek,
    .release = single_release,
};

static int __init kbcount_init(void)
{
    int err = request_irq(KEYBOARD_IRQ, kbcount_interrupt, IRQF_SHARED, "kbcount", &dev_id);

    if (err) {
        pr_err("kbcount: cannot share IRQ %d: %d\n", KEYBOARD_IRQ, err);
        return err;
    }
    if (!proc_create("kbcount", 0444, NULL, &kbcount_fops)) {
        free_irq(KEYBOARD_IRQ, &dev_id);
        return -ENOMEM;
    }
    pr_info("kbcount: counting keyboard interrupts\n");
    return 0;
}

static void __exit kbcount_exit(void)
{
    remove_proc_entry("kbcount", NULL);
    free_irq(KEYBOARD_IRQ, &dev_id);   /* dev_id picks our handler off the line */
    pr_info("kbcount: %lu keyboard interrupts\n", interrupts);
}

module_init(kbcount_init);
module_exit(kbcount_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Counts keyboard interrupts on the shared IRQ 1");
