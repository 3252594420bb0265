/* initfree: what __init and __initdata mean. The init function and its table
 * live in .init.text/.init.data, which the kernel frees once init succeeded,
 * as Linux does: lsmod's Size then counts only what stays, in whole pages, and
 * the freed code no longer has a name (%pS of its old address prints a bare
 * address, /proc/kallsyms drops it). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int primes[] __initdata = { 2, 3, 5, 7, 11, 13 };
static unsigned long init_address;   /* where initfree_init was */
static int total;

static int initfree_total(void)
{
    return total;
}

static int __init initfree_init(void)
{
    int i;

    for (i = 0; i < ARRAY_SIZE(primes); i++)
        total += primes[i];
    init_address = (unsigned long)initfree_init;
    pr_info("initfree: running %pS, sum of the primes %d\n", (void *)init_address, total);
    pr_info("initfree: staying %pS\n", initfree_total);
    return 0;
}

static void __exit initfree_exit(void)
{
    pr_info("initfree: init was at %pS, freed; sum still %d\n", (void *)init_address, initfree_total());
}

module_init(initfree_init);
module_exit(initfree_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("__init sections freed after init");
