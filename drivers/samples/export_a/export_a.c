/* export_a: exports a function for other modules (EXPORT_SYMBOL). While a module
 * using it is loaded, lsmod shows it under "Used by" and rmmod export_a is refused. */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

int export_a_add(int a, int b)
{
    pr_info("export_a: export_a_add(%d, %d) called\n", a, b);
    return a + b;
}
EXPORT_SYMBOL(export_a_add);

static int __init export_a_init(void)
{
    pr_info("export_a: loaded, exporting export_a_add\n");
    return 0;
}

static void __exit export_a_exit(void)
{
    pr_info("export_a: unloaded\n");
}

module_init(export_a_init);
module_exit(export_a_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Exports export_a_add() to other modules");
