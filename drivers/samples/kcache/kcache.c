/* kcache: a slab cache of records kept on a list that a reader-writer lock
 * guards: kmem_cache_create/alloc/free/destroy, rwlock_t with write_lock_irqsave
 * for the changes and read_lock for the walks. `count` records are made at load,
 * their sum logged, half freed, the sum logged again; rmmod frees the rest. */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rwlock.h>
#include <linux/slab.h>

struct record {
    int value;
    struct list_head node;
};

static int count = 10;
module_param(count, int, 0444);
MODULE_PARM_DESC(count, "how many records to make");

static struct kmem_cache *records;
static LIST_HEAD(record_list);
static DEFINE_RWLOCK(record_lock);

static int count_records(void)
{
    struct record *r;
    int n = 0;

    read_lock(&record_lock);
    list_for_each_entry(r, &record_list, node)
        n++;
    read_unlock(&record_lock);
    return n;
}

/* A reader may take the lock again while it holds it (count_records inside). */
static int sum_records(int *how_many)
{
    struct record *r;
    int sum = 0;

    read_lock(&record_lock);
    *how_many = count_records();
    list_for_each_entry(r, &record_list, node)
        sum += r->value;
    read_unlock(&record_lock);
    return sum;
}

static void free_records(int keep)
{
    struct record *r, *next;
    unsigned long flags;
    int seen = 0;

    write_lock_irqsave(&record_lock, flags);
    list_for_each_entry_safe(r, next, &record_list, node) {
        if (seen++ < keep)
            continue;
        list_del(&r->node);
        kmem_cache_free(records, r);
    }
    write_unlock_irqrestore(&record_lock, flags);
}

static int __init kcache_init(void)
{
    unsigned long flags;
    int i, n, sum;

    records = kmem_cache_create("kcache_record", sizeof(struct record), 0, SLAB_HWCACHE_ALIGN, NULL);
    if (!records)
        return -ENOMEM;
    for (i = 1; i <= count; i++) {
        struct record *r = kmem_cache_alloc(records, GFP_KERNEL);
        if (!r) {
            free_records(0);
            kmem_cache_destroy(records);
            return -ENOMEM;
        }
        r->value = i;
        write_lock_irqsave(&record_lock, flags);
        list_add_tail(&r->node, &record_list);
        write_unlock_irqrestore(&record_lock, flags);
    }
    sum = sum_records(&n);
    pr_info("kcache: %d records, sum %d\n", n, sum);
    free_records(count / 2);
    sum = sum_records(&n);
    pr_info("kcache: %d records left, sum %d\n", n, sum);
    return 0;
}

static void __exit kcache_exit(void)
{
    int n;

    free_records(0);
    sum_records(&n);
    kmem_cache_destroy(records);
    pr_info("kcache: %d records left, cache destroyed\n", n);
}

module_init(kcache_init);
module_exit(kcache_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kmem_cache records on an rwlock-guarded list");
