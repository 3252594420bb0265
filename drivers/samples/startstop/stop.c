/* startstop, part 2: the exit function, in a file of its own. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static void __exit startstop_exit(void)
{
    pr_info("startstop: stopped (this is stop.c)\n");
}

module_exit(startstop_exit);
