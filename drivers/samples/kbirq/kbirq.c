/* kbirq: a Linux 2.6-style interrupt handler on the keyboard's IRQ 1, shared
 * (SA_SHIRQ) with the keyboard driver. The handler gets the registers too, reads
 * the controller's status and the scan code (ports 0x64 and 0x60) and leaves
 * the printing to a work item (INIT_WORK / PREPARE_WORK with a data pointer),
 * which logs "kbirq: scan code 2a pressed". */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <asm/io.h>

#define KEYBOARD_IRQ 1
#define I8042_STATUS 0x64
#define I8042_DATA 0x60

static struct workqueue_struct *kbirq_queue;
static unsigned long interrupts, with_registers;

/* Process context: may log at leisure. */
static void report_scancode(void *data)
{
    unsigned char code = *(unsigned char *)data;

    pr_info("kbirq: scan code %x %s\n", code & 0x7f, code & 0x80 ? "released" : "pressed");
}

/* Interrupt context. The keyboard driver ran first and took the byte, so the
 * data port still shows it (the status bit says it was read already). */
static irqreturn_t kbirq_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
    static int initialised;
    static unsigned char scancode;
    static struct work_struct work;

    inb(I8042_STATUS);   /* status first, then data, as the controller is read */
    scancode = inb(I8042_DATA);
    interrupts++;
    if (regs)
        with_registers++;
    if (!initialised) {
        INIT_WORK(&work, report_scancode, &scancode);
        initialised = 1;
    } else {
        PREPARE_WORK(&work, report_scancode, &scancode);
    }
    queue_work(kbirq_queue, &work);
    return IRQ_HANDLED;
}

static int __init kbirq_init(void)
{
    int err;

    kbirq_queue = create_workqueue("kbirq");
    if (!kbirq_queue)
        return -ENOMEM;
    err = request_irq(KEYBOARD_IRQ, kbirq_interrupt, SA_SHIRQ, "kbirq", (void *)kbirq_interrupt);
    if (err) {
        pr_err("kbirq: cannot share IRQ %d: %d\n", KEYBOARD_IRQ, err);
        destroy_workqueue(kbirq_queue);
        return err;
    }
    pr_info("kbirq: watching IRQ %d\n", KEYBOARD_IRQ);
    return 0;
}

static void __exit kbirq_exit(void)
{
    free_irq(KEYBOARD_IRQ, (void *)kbirq_interrupt);
    destroy_workqueue(kbirq_queue);   /* runs what is still queued first */
    pr_info("kbirq: %lu interrupts, %lu with registers\n", interrupts, with_registers);
}

module_init(kbirq_init);
module_exit(kbirq_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A 2.6-style handler sharing the keyboard's IRQ 1");
