/* hello: the first module of the course. Loading it prints "Hello, world!",
 * unloading it "Goodbye, world!" (see them with dmesg). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init hello_init(void)
{
    printk(KERN_INFO "Hello, world!\n");
    return 0;   /* 0: loaded; a negative errno would make insmod fail */
}

static void __exit hello_exit(void)
{
    printk(KERN_INFO "Goodbye, world!\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Prints a greeting when loaded and when unloaded");
MODULE_VERSION("1.0");
