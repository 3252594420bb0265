// kobjects and ksets (Linux's lib/kobject.c): reference-counted objects with a
// name and a parent; adding one makes its sysfs directory, the last put
// removes it and calls the type's release.
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <kernel/sysfs.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include <linux/string.h>

extern "C" {
struct kobject* kernel_kobj = nullptr;
struct kobject* fs_kobj = nullptr;
struct kobject* firmware_kobj = nullptr;
struct kobject* mm_kobj = nullptr;
}
EXPORT_SYMBOL(kernel_kobj);
EXPORT_SYMBOL(fs_kobj);
EXPORT_SYMBOL(firmware_kobj);
EXPORT_SYMBOL(mm_kobj);

namespace {

ssize_t kobj_attr_show(kobject* kobj, attribute* attr, char* buf)
{
    auto* kattr = container_of(attr, kobj_attribute, attr);
    return kattr->show ? kattr->show(kobj, kattr, buf) : -EIO;
}

ssize_t kobj_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count)
{
    auto* kattr = container_of(attr, kobj_attribute, attr);
    return kattr->store ? kattr->store(kobj, kattr, buf, count) : -EIO;
}

void dynamic_kobj_release(kobject* kobj)
{
    kfree(kobj);
}

void kset_release(kobject* kobj)
{
    kfree(to_kset(kobj));
}

const kobj_type dynamic_kobj_ktype = {
    .release = dynamic_kobj_release,
    .sysfs_ops = &kobj_sysfs_ops,
    .default_groups = nullptr,
};

const kobj_type kset_ktype = {
    .release = kset_release,
    .sysfs_ops = &kobj_sysfs_ops,
    .default_groups = nullptr,
};

int set_name(kobject* kobj, const char* fmt, va_list args)
{
    char* name = kvasprintf(GFP_KERNEL, fmt, args);
    if (!name)
        return -ENOMEM;
    // '/' cannot be in a file name: Linux turns it into '!'.
    for (char* c = name; *c; ++c)
        if (*c == '/')
            *c = '!';
    kfree(const_cast<char*>(kobj->name));
    kobj->name = name;
    return 0;
}

void kset_join(kobject* kobj)
{
    if (!kobj->kset)
        return;
    kset_get(kobj->kset);
    spin_lock(&kobj->kset->list_lock);
    list_add_tail(&kobj->entry, &kobj->kset->list);
    spin_unlock(&kobj->kset->list_lock);
}

void kset_leave(kobject* kobj)
{
    if (!kobj->kset)
        return;
    spin_lock(&kobj->kset->list_lock);
    list_del_init(&kobj->entry);
    spin_unlock(&kobj->kset->list_lock);
    kset_put(kobj->kset);
}

// The directory and the type's default groups, under the parent (or the kset).
int add_internal(kobject* kobj)
{
    if (!kobj->name || !kobj->name[0]) {
        printk(KERN_ERR "kobject: (%p): attempted to be registered with empty name!\n", kobj);
        return -EINVAL;
    }
    kobject* parent = kobject_get(kobj->parent);
    if (kobj->kset) {
        if (!parent)
            parent = kobject_get(&kobj->kset->kobj);
        kset_join(kobj);
        kobj->parent = parent;
    }
    int error = sysfs_create_dir(kobj);
    if (!error && kobj->ktype && kobj->ktype->default_groups) {
        error = sysfs_create_groups(kobj, kobj->ktype->default_groups);
        if (error)
            sysfs_remove_dir(kobj);
    }
    if (error) {
        kset_leave(kobj);
        kobject_put(parent);
        kobj->parent = nullptr;
        printk(KERN_ERR "kobject_add_internal failed for %s with -%s.\n", kobj->name,
            error == -EEXIST ? "EEXIST" : "error");
        return error;
    }
    kobj->state_in_sysfs = 1;
    return 0;
}

int add_varg(kobject* kobj, kobject* parent, const char* fmt, va_list args)
{
    if (int error = set_name(kobj, fmt, args))
        return error;
    kobj->parent = parent;
    return add_internal(kobj);
}

void kobject_release(kref* ref)
{
    kobject* kobj = container_of(ref, kobject, kref);
    const char* name = kobj->name;
    if (kobj->state_in_sysfs)
        kobject_del(kobj);
    if (kobj->ktype && kobj->ktype->release)
        kobj->ktype->release(kobj);
    else
        printk(KERN_ERR "kobject: '%s' (%p): does not have a release() function, it is broken and must be fixed.\n",
            name, kobj);
    kfree(const_cast<char*>(name));   // the release may not touch it after this
}

} // namespace

extern "C" {

const struct sysfs_ops kobj_sysfs_ops = {
    .show = kobj_attr_show,
    .store = kobj_attr_store,
};
EXPORT_SYMBOL(kobj_sysfs_ops);

void kobject_init(struct kobject* kobj, const struct kobj_type* ktype)
{
    if (!kobj)
        return;
    if (!ktype)
        printk(KERN_ERR "kobject (%p): must have a ktype.\n", kobj);
    if (kobj->state_initialized)
        printk(KERN_ERR "kobject (%p): tried to init an initialized object, something is seriously wrong.\n", kobj);
    kref_init(&kobj->kref);
    INIT_LIST_HEAD(&kobj->entry);
    kobj->ktype = ktype;
    kobj->state_in_sysfs = 0;
    kobj->state_initialized = 1;
}
EXPORT_SYMBOL(kobject_init);

int kobject_add(struct kobject* kobj, struct kobject* parent, const char* fmt, ...)
{
    if (!kobj)
        return -EINVAL;
    if (!kobj->state_initialized) {
        printk(KERN_ERR "kobject '%s' (%p): tried to add an uninitialized object, something is seriously wrong.\n",
            kobj->name ? kobj->name : "", kobj);
        return -EINVAL;
    }
    va_list args;
    va_start(args, fmt);
    int error = add_varg(kobj, parent, fmt, args);
    va_end(args);
    return error;
}
EXPORT_SYMBOL(kobject_add);

int kobject_init_and_add(struct kobject* kobj, const struct kobj_type* ktype, struct kobject* parent,
    const char* fmt, ...)
{
    kobject_init(kobj, ktype);
    va_list args;
    va_start(args, fmt);
    int error = add_varg(kobj, parent, fmt, args);
    va_end(args);
    return error;
}
EXPORT_SYMBOL(kobject_init_and_add);

int kobject_set_name(struct kobject* kobj, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int error = set_name(kobj, fmt, args);
    va_end(args);
    return error;
}
EXPORT_SYMBOL(kobject_set_name);

void kobject_del(struct kobject* kobj)
{
    if (!kobj || !kobj->state_in_sysfs)
        return;
    sysfs_remove_dir(kobj);
    kobj->state_in_sysfs = 0;
    kset_leave(kobj);
    kobject* parent = kobj->parent;
    kobj->parent = nullptr;
    kobject_put(parent);
}
EXPORT_SYMBOL(kobject_del);

struct kobject* kobject_get(struct kobject* kobj)
{
    if (kobj) {
        if (!kobj->state_initialized)
            printk(KERN_WARNING "kobject: '%s' (%p): is not initialized, yet kobject_get() is being called.\n",
                kobj->name ? kobj->name : "", kobj);
        kref_get(&kobj->kref);
    }
    return kobj;
}
EXPORT_SYMBOL(kobject_get);

void kobject_put(struct kobject* kobj)
{
    if (!kobj)
        return;
    if (!kobj->state_initialized)
        printk(KERN_WARNING "kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
            kobj->name ? kobj->name : "", kobj);
    kref_put(&kobj->kref, kobject_release);
}
EXPORT_SYMBOL(kobject_put);

struct kobject* kobject_create_and_add(const char* name, struct kobject* parent)
{
    auto* kobj = static_cast<kobject*>(kzalloc(sizeof(kobject), GFP_KERNEL));
    if (!kobj)
        return nullptr;
    kobject_init(kobj, &dynamic_kobj_ktype);
    if (kobject_add(kobj, parent, "%s", name)) {
        printk(KERN_WARNING "kobject_create_and_add: kobject_add error\n");
        kobject_put(kobj);
        return nullptr;
    }
    return kobj;
}
EXPORT_SYMBOL(kobject_create_and_add);

char* kobject_get_path(const struct kobject* kobj, gfp_t gfp)
{
    size_t length = 1;
    for (const kobject* at = kobj; at; at = at->parent)
        length += 1 + libk::strlen(at->name);
    auto* path = static_cast<char*>(kzalloc(length, gfp));
    if (!path)
        return nullptr;
    size_t end = length - 1;
    for (const kobject* at = kobj; at; at = at->parent) {
        size_t part = libk::strlen(at->name);
        end -= part;
        libk::memcpy(path + end, at->name, part);
        path[--end] = '/';
    }
    return path;
}
EXPORT_SYMBOL(kobject_get_path);

int kset_register(struct kset* kset)
{
    if (!kset)
        return -EINVAL;
    INIT_LIST_HEAD(&kset->list);
    spin_lock_init(&kset->list_lock);
    if (!kset->kobj.state_initialized)
        kobject_init(&kset->kobj, kset->kobj.ktype ? kset->kobj.ktype : &kset_ktype);
    return add_internal(&kset->kobj);
}
EXPORT_SYMBOL(kset_register);

void kset_unregister(struct kset* kset)
{
    if (!kset)
        return;
    kobject_del(&kset->kobj);
    kobject_put(&kset->kobj);
}
EXPORT_SYMBOL(kset_unregister);

struct kset* kset_create_and_add(const char* name, const struct kset_uevent_ops* uevent_ops,
    struct kobject* parent_kobj)
{
    auto* kset = static_cast<struct kset*>(kzalloc(sizeof(struct kset), GFP_KERNEL));
    if (!kset)
        return nullptr;
    kset->kobj.name = kstrdup(name, GFP_KERNEL);
    if (!kset->kobj.name) {
        kfree(kset);
        return nullptr;
    }
    kset->uevent_ops = uevent_ops;
    kset->kobj.parent = parent_kobj;
    kobject_init(&kset->kobj, &kset_ktype);
    if (kset_register(kset)) {
        kobject_put(&kset->kobj);
        return nullptr;
    }
    return kset;
}
EXPORT_SYMBOL(kset_create_and_add);

struct kobject* kset_find_obj(struct kset* kset, const char* name)
{
    kobject* found = nullptr;
    spin_lock(&kset->list_lock);
    for (list_head* at = kset->list.next; at != &kset->list; at = at->next) {
        kobject* kobj = container_of(at, kobject, entry);
        if (kobj->name && libk::strcmp(kobj->name, name) == 0) {
            found = kobject_get(kobj);
            break;
        }
    }
    spin_unlock(&kset->list_lock);
    return found;
}
EXPORT_SYMBOL(kset_find_obj);

} // extern "C"

namespace {

// The directories of /sys that belong to no subsystem of their own (Linux's
// ksysfs_init and friends).
int ksysfs_init()
{
    if (int error = sysfs_root_init(); error < 0)
        return error;
    kernel_kobj = kobject_create_and_add("kernel", nullptr);
    fs_kobj = kobject_create_and_add("fs", nullptr);
    firmware_kobj = kobject_create_and_add("firmware", nullptr);
    mm_kobj = kobject_create_and_add("mm", kernel_kobj);
    return kernel_kobj && fs_kobj && firmware_kobj && mm_kobj ? 0 : -ENOMEM;
}
core_initcall(ksysfs_init);

} // namespace
