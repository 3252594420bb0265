/* sysfs: a kobject is a directory under /sys, each of its attributes a file
 * whose read calls show() into a page and whose write calls store() with what
 * was written (at most a page). */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/stat.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kobject;
struct module;

struct attribute {
    const char *name;
    umode_t mode;
};

/* A set of attributes made and removed together, in a subdirectory when named. */
struct attribute_group {
    const char *name;
    /* The mode for attrs[n] (0: leave it out), or NULL for the attribute's own. */
    umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
    struct attribute **attrs;   /* NULL-terminated */
};

/* How a kobject's type reaches its attributes' show/store (kobj_type::sysfs_ops). */
struct sysfs_ops {
    ssize_t (*show)(struct kobject *kobj, struct attribute *attr, char *buf);
    ssize_t (*store)(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count);
};

/* Attribute initialisers, as Linux's (__ATTR_RW(foo) wants foo_show and foo_store). */
#define __ATTR(_name, _mode, _show, _store) {                      \
    .attr = { .name = __stringify(_name), .mode = (umode_t)(_mode) }, \
    .show = _show,                                                 \
    .store = _store,                                               \
}
#define __ATTR_PREALLOC(_name, _mode, _show, _store) __ATTR(_name, _mode, _show, _store)
#define __ATTR_RO(_name) { .attr = { .name = __stringify(_name), .mode = 0444 }, .show = _name##_show }
#define __ATTR_RO_MODE(_name, _mode) { .attr = { .name = __stringify(_name), .mode = (umode_t)(_mode) }, .show = _name##_show }
#define __ATTR_WO(_name) { .attr = { .name = __stringify(_name), .mode = 0200 }, .store = _name##_store }
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }

/* An array of groups ending in NULL named NAME_groups, from NAME_attrs (Linux's ATTRIBUTE_GROUPS). */
#define __ATTRIBUTE_GROUPS(_name)                                   \
    static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }
#define ATTRIBUTE_GROUPS(_name)                                     \
    static const struct attribute_group _name##_group = { .attrs = _name##_attrs }; \
    __ATTRIBUTE_GROUPS(_name)

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_files(struct kobject *kobj, const struct attribute *const *attrs);
void sysfs_remove_files(struct kobject *kobj, const struct attribute *const *attrs);
int sysfs_chmod_file(struct kobject *kobj, const struct attribute *attr, umode_t mode);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
/* A symlink `name` in kobj's directory to target's directory. */
int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
/* An empty directory of `parent` where another file system gets mounted (/sys/kernel/debug). */
int sysfs_create_mount_point(struct kobject *parent, const char *name);
void sysfs_remove_mount_point(struct kobject *parent, const char *name);

/* show() helpers: format into the page `buf` (at `at`), never past its end. */
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#ifdef __cplusplus
}
#endif

#endif
