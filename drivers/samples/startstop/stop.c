/* startstop, part 2: the exit function, in a file of its own. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static void __exit startstop_exit(void)
{
    printk(KERN_INFO "Short is the life of a kernel module\n");
}

module_exit(startstop_exit);
