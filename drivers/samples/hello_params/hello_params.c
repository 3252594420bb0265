/* hello_params: module parameters of each kind. Set them when loading
 *   insmod hello_params.ko myint=5 mystring="a b" mybool=0 myarray=7,8,9
 * or on the kernel command line: hello_params.myint=7 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static int myint = 42;
static char *mystring = "hello";
static bool mybool = true;
static int myarray[4] = { 1, 2, 3, 4 };
static unsigned int myarray_count = 4;  /* how many elements insmod gave (all four by default) */

/* module_param(name, type, permissions in /sys/module/<mod>/parameters) */
module_param(myint, int, 0644);
MODULE_PARM_DESC(myint, "An integer");
module_param(mystring, charp, 0644);
MODULE_PARM_DESC(mystring, "A character string");
module_param(mybool, bool, 0644);
MODULE_PARM_DESC(mybool, "A boolean");
module_param_array(myarray, int, &myarray_count, 0444);
MODULE_PARM_DESC(myarray, "Up to four integers");

static int __init hello_params_init(void)
{
    int i;

    /* The words of the module guide's hello-5.c. */
    printk(KERN_INFO "Hello, world 5\n=============\n");
    printk(KERN_INFO "myint is an integer: %d\n", myint);
    printk(KERN_INFO "mystring is a string: %s\n", mystring);
    printk(KERN_INFO "mybool is a boolean: %s\n", mybool ? "Y" : "N");
    for (i = 0; i < (int)myarray_count; i++)
        printk(KERN_INFO "myarray[%d] = %d\n", i, myarray[i]);
    printk(KERN_INFO "got %u arguments for myarray.\n", myarray_count);
    return 0;
}

static void __exit hello_params_exit(void)
{
    printk(KERN_INFO "Goodbye, world 5\n");
}

module_init(hello_params_init);
module_exit(hello_params_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Module parameters: int, charp, bool and an array");
