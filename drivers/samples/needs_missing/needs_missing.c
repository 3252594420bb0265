/* needs_missing: calls a function nobody exports. modpost warns at build time;
 * insmod fails and dmesg names the symbol ("Unknown symbol ... (err -2)"). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

extern int kernlab_no_such_function(void);

static int __init needs_missing_init(void)
{
    return kernlab_no_such_function();
}

module_init(needs_missing_init);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("References an undefined symbol: cannot be loaded");
