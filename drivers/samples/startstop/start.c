/* startstop, part 1: the init function. A module can span several files;
 * the Makefile links start.o and stop.o into startstop.ko. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init startstop_init(void)
{
    printk(KERN_INFO "Hello, world - this is the kernel speaking\n");
    return 0;
}

module_init(startstop_init);

/* The module-wide information belongs in one file only. */
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A module of two source files");
