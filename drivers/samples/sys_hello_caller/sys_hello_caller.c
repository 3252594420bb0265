/* sys_hello_caller: calls the course's system call function sys_hello (which the
 * kernel exports) directly from a module, without int 0x80. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

/* kernel/sys/hello.cpp: printks "Hello system call!" and returns 0. */
extern long sys_hello(void);

static int __init sys_hello_caller_init(void)
{
    long ret = sys_hello();

    pr_info("sys_hello_caller: sys_hello() returned %ld\n", ret);
    return 0;
}

static void __exit sys_hello_caller_exit(void)
{
    pr_info("sys_hello_caller: unloaded\n");
}

module_init(sys_hello_caller_init);
module_exit(sys_hello_caller_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Calls the exported sys_hello from its init function");
