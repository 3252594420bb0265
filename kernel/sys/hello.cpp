// sys_hello (349): the course's first system call. It logs one line and returns 0.
#include <linux/printk.h>

extern "C" long sys_hello()
{
    printk(KERN_INFO "Hello system call!\n");
    return 0;
}
