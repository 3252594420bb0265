/* kobjects: the objects sysfs shows. Each one added is a directory under its
 * parent's (or its kset's) directory in /sys; its attributes are files there.
 * The last kobject_put() removes the directory and calls ktype->release. */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/compiler.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kset;
struct kset_uevent_ops;
struct kernfs_node;

struct kobj_type {
    void (*release)(struct kobject *kobj);
    const struct sysfs_ops *sysfs_ops;
    const struct attribute_group **default_groups;   /* made with the directory */
};

struct kobject {
    const char *name;
    struct list_head entry;        /* on its kset's list */
    struct kobject *parent;
    struct kset *kset;
    const struct kobj_type *ktype;
    struct kernfs_node *sd;        /* its directory in sysfs */
    struct kref kref;
    unsigned int state_initialized:1;
    unsigned int state_in_sysfs:1;
    unsigned int state_add_uevent_sent:1;
    unsigned int state_remove_uevent_sent:1;
    unsigned int uevent_suppress:1;
};

/* A kobject_attribute's show/store get the kobject and the attribute itself. */
struct kobj_attribute {
    struct attribute attr;
    ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
    ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};
/* The sysfs_ops of kobject_create()'s kobjects: dispatch to kobj_attribute. */
extern const struct sysfs_ops kobj_sysfs_ops;

/* A set of kobjects whose directories share one parent directory (its own). */
struct kset {
    struct list_head list;
    spinlock_t list_lock;
    struct kobject kobj;
    const struct kset_uevent_ops *uevent_ops;
};

/* The directories under /sys that Linux's own code puts kobjects in. */
extern struct kobject *kernel_kobj;     /* /sys/kernel */
extern struct kobject *fs_kobj;         /* /sys/fs */
extern struct kobject *firmware_kobj;   /* /sys/firmware */
extern struct kobject *mm_kobj;         /* /sys/kernel/mm */

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(3, 4) int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
__printf(4, 5) int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
    struct kobject *parent, const char *fmt, ...);
/* Removes the directory; the kobject lives on until its last kobject_put(). */
void kobject_del(struct kobject *kobj);
/* A kobject (freed by its release) with a directory NAME under parent (NULL: /sys). */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *fmt, ...);
/* The path under /sys ("/kernel/mymodule"), kmalloc'ed: the caller kfrees it. */
char *kobject_get_path(const struct kobject *kobj, gfp_t flag);

static inline const char *kobject_name(const struct kobject *kobj) { return kobj->name; }

int kset_register(struct kset *kset);
void kset_unregister(struct kset *kset);
struct kset *kset_create_and_add(const char *name, const struct kset_uevent_ops *u, struct kobject *parent_kobj);
/* The kobject named `name` in the kset, with a reference, or NULL. */
struct kobject *kset_find_obj(struct kset *kset, const char *name);

static inline struct kset *to_kset(struct kobject *kobj)
{
    return kobj ? (struct kset *)((char *)kobj - __builtin_offsetof(struct kset, kobj)) : NULL;
}
static inline struct kset *kset_get(struct kset *k) { return k ? to_kset(kobject_get(&k->kobj)) : NULL; }
static inline void kset_put(struct kset *k) { kobject_put(&k->kobj); }

#ifdef __cplusplus
}
#endif

#endif
