// Starting the first user program. There is no file system or execve yet
// (they come with the user-space issue), so no init can be found and the
// caller panics, exactly as Linux does with an empty root file system.
#include <linux/errno.h>
#include <linux/printk.h>

int run_init_process(const char* path)
{
    pr_info("Run %s as init process\n", path);
    return -ENOENT;
}
