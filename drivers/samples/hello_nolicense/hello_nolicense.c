/* hello_nolicense: hello without MODULE_LICENSE. modpost warns when it is built,
 * and loading it taints the kernel ("module license 'unspecified' taints kernel."). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init hello_nolicense_init(void)
{
    printk(KERN_INFO "Hello, world! (no licence)\n");
    return 0;
}

static void __exit hello_nolicense_exit(void)
{
    printk(KERN_INFO "Goodbye, world! (no licence)\n");
}

module_init(hello_nolicense_init);
module_exit(hello_nolicense_exit);

/* No MODULE_LICENSE(): that is the point of this sample. */
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("hello without a licence: taints the kernel");
