/* init_fails: an init function that fails. insmod reports the error
 * ("No such device"), the module is not loaded and its memory is freed. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init init_fails_init(void)
{
    pr_info("init_fails: no device found, refusing to load\n");
    return -ENODEV;
}

module_init(init_fails_init);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Its init returns -ENODEV: insmod fails cleanly");
