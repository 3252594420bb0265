/* loglevels: one message per log level. All reach dmesg; the console shows
 * those more urgent than its level (dmesg -n 8 shows all, dmesg -n 1 none but EMERG). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init loglevels_init(void)
{
    printk(KERN_EMERG "loglevels: 0 KERN_EMERG - system is unusable\n");
    printk(KERN_ALERT "loglevels: 1 KERN_ALERT - action must be taken immediately\n");
    printk(KERN_CRIT "loglevels: 2 KERN_CRIT - critical conditions\n");
    printk(KERN_ERR "loglevels: 3 KERN_ERR - error conditions\n");
    printk(KERN_WARNING "loglevels: 4 KERN_WARNING - warning conditions\n");
    printk(KERN_NOTICE "loglevels: 5 KERN_NOTICE - normal but significant\n");
    printk(KERN_INFO "loglevels: 6 KERN_INFO - informational\n");
    printk(KERN_DEBUG "loglevels: 7 KERN_DEBUG - debug-level messages\n");
    printk("loglevels: no level - the default (4)\n");
    return 0;
}

static void __exit loglevels_exit(void)
{
    pr_info("loglevels: unloaded\n");
}

module_init(loglevels_init);
module_exit(loglevels_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("One printk per KERN_ log level");
