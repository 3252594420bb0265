/* kobj_attrs: a kobject under /sys/kernel with attribute files, as the module
 * guide's hello-sysfs does:
 *   /sys/kernel/kobj_attrs/counter   read/write (0664): a number
 *   /sys/kernel/kobj_attrs/reads     read-only: how often counter was shown
 *   /sys/kernel/kobj_attrs/stats/{sum,last}  an attribute group ("stats")
 * cat calls the show function, echo N > counter calls store. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>

static struct kobject *kobj_attrs_kobj;
static int counter;
static int reads;
static long sum;        /* of every value stored */
static int last = -1;   /* the last value stored */

static ssize_t counter_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    reads++;
    return sprintf(buf, "%d\n", counter);
}

static ssize_t counter_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
    int value;

    if (kstrtoint(buf, 10, &value))
        return -EINVAL;
    counter = value;
    last = value;
    sum += value;
    pr_info("kobj_attrs: counter set to %d\n", value);
    return count;
}

static ssize_t reads_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%d\n", reads);
}

static ssize_t sum_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%ld\n", sum);
}

static ssize_t last_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%d\n", last);
}

static struct kobj_attribute counter_attribute = __ATTR(counter, 0664, counter_show, counter_store);
static struct kobj_attribute reads_attribute = __ATTR_RO(reads);
static struct kobj_attribute sum_attribute = __ATTR_RO(sum);
static struct kobj_attribute last_attribute = __ATTR_RO(last);

static struct attribute *stats_attrs[] = {
    &sum_attribute.attr,
    &last_attribute.attr,
    NULL,
};

static const struct attribute_group stats_group = {
    .name = "stats",
    .attrs = stats_attrs,
};

static int __init kobj_attrs_init(void)
{
    int error;

    kobj_attrs_kobj = kobject_create_and_add("kobj_attrs", kernel_kobj);
    if (!kobj_attrs_kobj)
        return -ENOMEM;
    error = sysfs_create_file(kobj_attrs_kobj, &counter_attribute.attr);
    if (!error)
        error = sysfs_create_file(kobj_attrs_kobj, &reads_attribute.attr);
    if (!error)
        error = sysfs_create_group(kobj_attrs_kobj, &stats_group);
    if (error) {
        pr_err("kobj_attrs: cannot create the files in /sys/kernel/kobj_attrs: %d\n", error);
        kobject_put(kobj_attrs_kobj);
        return error;
    }
    pr_info("kobj_attrs: /sys/kernel/kobj_attrs is there\n");
    return 0;
}

static void __exit kobj_attrs_exit(void)
{
    sysfs_remove_group(kobj_attrs_kobj, &stats_group);
    kobject_put(kobj_attrs_kobj);   /* the directory and its files go with it */
    pr_info("kobj_attrs: removed\n");
}

module_init(kobj_attrs_init);
module_exit(kobj_attrs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kobject with attribute files in /sys/kernel");
