/* param_perms: module parameters whose permission decides what
 * /sys/module/param_perms/parameters/ shows:
 *   speed   int    0644  everyone reads, root writes
 *   level   short  0660  owner and group (root) read and write
 *   secret  long   0400  only root reads; nobody writes
 *   name    charp  0444  read-only string
 *   hidden  int    0     not in sysfs at all (insmod sets it)
 * Writing a value calls the type's set, as insmod's name=value does. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>

static int speed = 10;
static short level = 3;
static long secret = 4242;
static char *name = "kernlab";
static int hidden = 7;

module_param(speed, int, 0644);
MODULE_PARM_DESC(speed, "A speed, changeable by root at run time");
module_param(level, short, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
MODULE_PARM_DESC(level, "A level for root and its group");
module_param(secret, long, S_IRUSR);
MODULE_PARM_DESC(secret, "Readable by root only");
module_param(name, charp, 0444);
MODULE_PARM_DESC(name, "A name, read-only");
module_param(hidden, int, 0);
MODULE_PARM_DESC(hidden, "Not shown in sysfs");

static int __init param_perms_init(void)
{
    pr_info("param_perms: speed=%d level=%hd secret=%ld name=%s hidden=%d\n", speed, level, secret, name, hidden);
    return 0;
}

static void __exit param_perms_exit(void)
{
    pr_info("param_perms: at exit speed=%d level=%hd\n", speed, level);
}

module_init(param_perms_init);
module_exit(param_perms_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Module parameters seen in /sys/module");
