/* sys_hello (349): the course's first system call, written as the seed's
 * kernel/hello.c writes it (C, <linux/syscalls.h>, asmlinkage). It logs one
 * line and returns 0. Its table entry: kernel/syscalls/syscall_list.h. */
#include <linux/kernel.h>
#include <linux/syscalls.h>

asmlinkage long sys_hello(void)
{
    printk(KERN_INFO "Hello system call!\n");
    return 0;
}
