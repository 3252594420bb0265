/* export_b: uses export_a_add() from export_a. Load export_a first; the loader
 * links the call and records that export_b depends on export_a. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

/* What export_a exports (a real pair of modules would share a header). */
extern int export_a_add(int a, int b);

static int __init export_b_init(void)
{
    pr_info("export_b: export_a_add(2, 3) = %d\n", export_a_add(2, 3));
    return 0;
}

static void __exit export_b_exit(void)
{
    pr_info("export_b: unloaded\n");
}

module_init(export_b_init);
module_exit(export_b_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Calls a function export_a exports");
