// Classes and devices (include/linux/device.h): enough of the device model for
// char drivers. device_create makes the /dev node through devtmpfs, the part
// udev plays on Linux (root-owned, 0600 unless the class's devnode says), and
// the device's sysfs directory as Linux lays it out:
//   /sys/devices/virtual/CLASS/NAME/{dev,uevent,subsystem}  (or below its parent)
//   /sys/class/CLASS/NAME -> ../../devices/virtual/CLASS/NAME
//   /sys/dev/char/MAJOR:MINOR -> ../../devices/virtual/CLASS/NAME
#include "internal.h"
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/stat.h>

namespace {

constexpr umode_t default_node_mode = 0600;

constinit SpinLock devices_lock;
constinit device* devices = nullptr;

// /sys/devices, /sys/devices/virtual, /sys/class, /sys/dev/char (Linux's devices_init, classes_init).
struct DeviceDirs {
    kset* devices;
    kobject* virtual_dir;
    kset* classes;
    kobject* dev;
    kobject* dev_char;
    kobject* dev_block;
};
constinit DeviceDirs dirs = {};

// Made on first use too: built-in drivers may register before the initcall.
bool device_dirs_ready()
{
    if (dirs.dev_block)
        return true;
    if (!dirs.devices)
        dirs.devices = kset_create_and_add("devices", nullptr, nullptr);
    if (dirs.devices && !dirs.virtual_dir)
        dirs.virtual_dir = kobject_create_and_add("virtual", &dirs.devices->kobj);
    if (!dirs.classes)
        dirs.classes = kset_create_and_add("class", nullptr, nullptr);
    if (!dirs.dev)
        dirs.dev = kobject_create_and_add("dev", nullptr);
    if (dirs.dev && !dirs.dev_char)
        dirs.dev_char = kobject_create_and_add("char", dirs.dev);
    if (dirs.dev && !dirs.dev_block)
        dirs.dev_block = kobject_create_and_add("block", dirs.dev);
    return dirs.virtual_dir && dirs.classes && dirs.dev_char && dirs.dev_block;
}

int devices_init()
{
    return device_dirs_ready() ? 0 : -ENOMEM;
}
postcore_initcall(devices_init);

// ---- a device's attributes ----

ssize_t dev_attr_show(kobject* kobj, attribute* attr, char* buf)
{
    auto* dattr = container_of(attr, device_attribute, attr);
    return dattr->show ? dattr->show(kobj_to_dev(kobj), dattr, buf) : -EIO;
}

ssize_t dev_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count)
{
    auto* dattr = container_of(attr, device_attribute, attr);
    return dattr->store ? dattr->store(kobj_to_dev(kobj), dattr, buf, count) : -EIO;
}

const sysfs_ops dev_sysfs_ops = {
    .show = dev_attr_show,
    .store = dev_attr_store,
};

// The last reference: the owner's release frees the device (its sysfs directory
// went at unregister), as Linux's device_release.
void device_release(kobject* kobj)
{
    device* dev = kobj_to_dev(kobj);
    kfree(dev->node_name);
    dev->node_name = nullptr;
    if (dev->release)
        dev->release(dev);
    else
        printk(KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed.\n",
            dev->name);
}

// What device_create allocated.
void device_create_release(device* dev)
{
    kfree(dev);
}

const kobj_type device_ktype = {
    .release = device_release,
    .sysfs_ops = &dev_sysfs_ops,
    .default_groups = nullptr,
};

ssize_t dev_show(device* dev, device_attribute*, char* buf)
{
    return sysfs_emit(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}

// What udev would be told (Linux's uevent file; writing it to replay the
// event needs a uevent sender, which kernlab does not have, so it is read-only).
ssize_t uevent_show(device* dev, device_attribute*, char* buf)
{
    int length = 0;
    if (dev->devt) {
        length += sysfs_emit_at(buf, length, "MAJOR=%u\nMINOR=%u\n", MAJOR(dev->devt), MINOR(dev->devt));
        length += sysfs_emit_at(buf, length, "DEVNAME=%s\n", dev->node_name ? dev->node_name : dev->name);
    }
    return length;
}

device_attribute dev_attr_dev = { { "dev", 0444 }, dev_show, nullptr };
device_attribute dev_attr_uevent = { { "uevent", 0444 }, uevent_show, nullptr };

void dev_char_name(const device* dev, char* name, size_t size)
{
    libk::snprintf(name, size, "%u:%u", MAJOR(dev->devt), MINOR(dev->devt));
}

// The directory the device goes in: its parent's, else /sys/devices/virtual/CLASS.
kobject* device_parent_dir(device* dev)
{
    if (dev->parent && dev->parent->kobj.state_in_sysfs)
        return &dev->parent->kobj;
    device_class* cls = dev->class_;
    if (cls && cls->sysfs_virtual_dir)
        return cls->sysfs_virtual_dir;
    return dirs.virtual_dir;
}

// The directory, its files and the links to it; an error leaves none of them.
int device_add_sysfs(device* dev)
{
    if (!device_dirs_ready())
        return -ENOMEM;
    int error = kobject_add(&dev->kobj, device_parent_dir(dev), "%s", dev->name);
    if (error)
        return error;
    device_class* cls = dev->class_;
    char number[24];
    dev_char_name(dev, number, sizeof(number));
    if (dev->devt && (error = sysfs_create_file(&dev->kobj, &dev_attr_dev.attr)))
        goto fail;
    if ((error = sysfs_create_file(&dev->kobj, &dev_attr_uevent.attr)))
        goto fail;
    if (cls && cls->dev_groups && (error = sysfs_create_groups(&dev->kobj, cls->dev_groups)))
        goto fail;
    if (cls && cls->sysfs_dir) {
        if ((error = sysfs_create_link(&dev->kobj, cls->sysfs_dir, "subsystem")))
            goto fail;
        if ((error = sysfs_create_link(cls->sysfs_dir, &dev->kobj, dev->name)))
            goto fail;
    }
    if (dev->devt && (error = sysfs_create_link(dirs.dev_char, &dev->kobj, number))) {
        if (cls && cls->sysfs_dir)
            sysfs_remove_link(cls->sysfs_dir, dev->name);
        goto fail;
    }
    return 0;
fail:
    kobject_del(&dev->kobj);
    return error;
}

void device_remove_sysfs(device* dev)
{
    if (!dev->kobj.state_in_sysfs)
        return;
    if (dev->devt) {
        char number[24];
        dev_char_name(dev, number, sizeof(number));
        sysfs_remove_link(dirs.dev_char, number);
    }
    if (dev->class_ && dev->class_->sysfs_dir)
        sysfs_remove_link(dev->class_->sysfs_dir, dev->name);
    kobject_del(&dev->kobj);
}

void link_device(device* dev)
{
    SpinLockGuard guard(devices_lock);
    dev->next = devices;
    devices = dev;
}

// Takes dev off the list; false when it was not on it.
bool unlink_device(device* dev)
{
    SpinLockGuard guard(devices_lock);
    for (device** link = &devices; *link; link = &(*link)->next) {
        if (*link == dev) {
            *link = dev->next;
            return true;
        }
    }
    return false;
}

device* find_device(device_class* cls, dev_t devt)
{
    SpinLockGuard guard(devices_lock);
    for (device* dev = devices; dev; dev = dev->next)
        if (dev->class_ == cls && dev->devt == devt)
            return dev;
    return nullptr;
}

void delete_node(device* dev)
{
    if (!dev->node_name)
        return;
    int error = devtmpfs_delete_node(dev->node_name);
    if (error < 0)
        printk(KERN_WARNING "device: removing /dev/%s failed (%d)\n", dev->node_name, error);
}

// Takes the device out of sysfs and /dev; its memory goes with the last kobject_put.
void free_device(device* dev)
{
    delete_node(dev);
    device_remove_sysfs(dev);
    kobject_put(&dev->kobj);
}

// /sys/class/NAME: a kset as in Linux (subsys_private::subsys) that knows its class.
struct ClassDir {
    kset dir;
    device_class* cls;
};

ClassDir* to_class_dir(kobject* kobj)
{
    return container_of(to_kset(kobj), ClassDir, dir);
}

void class_dir_release(kobject* kobj)
{
    kfree(to_class_dir(kobj));
}

ssize_t class_attr_show(kobject* kobj, attribute* attr, char* buf)
{
    auto* cattr = container_of(attr, class_attribute, attr);
    return cattr->show ? cattr->show(to_class_dir(kobj)->cls, cattr, buf) : -EIO;
}

ssize_t class_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count)
{
    auto* cattr = container_of(attr, class_attribute, attr);
    return cattr->store ? cattr->store(to_class_dir(kobj)->cls, cattr, buf, count) : -EIO;
}

const sysfs_ops class_sysfs_ops = {
    .show = class_attr_show,
    .store = class_attr_store,
};

const kobj_type class_dir_ktype = {
    .release = class_dir_release,
    .sysfs_ops = &class_sysfs_ops,
    .default_groups = nullptr,
};

void class_create_release(device_class* cls)
{
    kfree(cls);
}

// The node's name under /dev (the class's devnode may change it and the mode).
int set_node_name(device* dev, const char* node_name, umode_t* mode)
{
    char* class_node = nullptr;
    if (dev->class_ && dev->class_->devnode)
        class_node = dev->class_->devnode(dev, mode);
    const char* path = class_node ? class_node : node_name ? node_name : dev->name;
    dev->node_name = static_cast<char*>(kmalloc(libk::strlen(path) + 1, GFP_KERNEL));
    if (dev->node_name)
        libk::strcpy(dev->node_name, path);
    kfree(class_node);
    return dev->node_name ? 0 : -ENOMEM;
}

// Linux's device_add: sysfs first (udev learns of the node from it), then the
// /dev node when it has a number. An error undoes both; the caller puts the device.
int add_device(device* dev, const char* node_name, umode_t mode)
{
    if (dev->devt) {
        if (int error = set_node_name(dev, node_name, &mode); error < 0)
            return error;
    }
    if (int error = device_add_sysfs(dev); error < 0) {
        printk(KERN_ERR "device_add: %s: sysfs error %d\n", dev->name, error);
        return error;
    }
    if (dev->devt) {
        int error = devtmpfs_create_node(dev->node_name, static_cast<umode_t>(S_IFCHR | (mode & 07777)), dev->devt);
        if (error < 0) {
            printk(KERN_ERR "device_add: /dev/%s: error %d\n", dev->node_name, error);
            kfree(dev->node_name);
            dev->node_name = nullptr;
            device_remove_sysfs(dev);
            return error;
        }
    }
    link_device(dev);
    return 0;
}

} // namespace

device* device_create_node(device_class* cls, device* parent, dev_t devt, void* drvdata, const char* name,
    const char* node_name, umode_t mode)
{
    auto* dev = static_cast<device*>(kzalloc(sizeof(device), GFP_KERNEL));
    if (!dev)
        return static_cast<device*>(ERR_PTR(-ENOMEM));
    device_initialize(dev);
    dev->parent = parent;
    dev->class_ = cls;
    dev->devt = devt;
    dev->driver_data = drvdata;
    dev->release = device_create_release;
    libk::strlcpy(dev->name, name, sizeof(dev->name));
    if (int error = add_device(dev, node_name, mode); error < 0) {
        put_device(dev);   // device_create_release frees it
        return static_cast<device*>(ERR_PTR(error));
    }
    return dev;
}

extern "C" int class_register(struct device_class* cls)
{
    if (!cls || !cls->name)
        return -EINVAL;
    if (!device_dirs_ready())
        return -ENOMEM;
    auto* dir = static_cast<ClassDir*>(kzalloc(sizeof(ClassDir), GFP_KERNEL));
    if (!dir)
        return -ENOMEM;
    dir->cls = cls;
    dir->dir.kobj.kset = dirs.classes;
    kobject_init(&dir->dir.kobj, &class_dir_ktype);
    if (kobject_set_name(&dir->dir.kobj, "%s", cls->name) || kset_register(&dir->dir)) {
        kobject_put(&dir->dir.kobj);
        return -EEXIST;
    }
    if (cls->class_groups) {
        if (int error = sysfs_create_groups(&dir->dir.kobj, cls->class_groups); error < 0) {
            kset_unregister(&dir->dir);
            return error;
        }
    }
    // /sys/devices/virtual/NAME: where its devices without a parent go.
    kobject* virtual_dir = kobject_create_and_add(cls->name, dirs.virtual_dir);
    if (!virtual_dir) {
        kset_unregister(&dir->dir);
        return -ENOMEM;
    }
    cls->sysfs_dir = &dir->dir.kobj;
    cls->sysfs_virtual_dir = virtual_dir;
    return 0;
}
EXPORT_SYMBOL(class_register);

// Devices still in the class go with it (Linux would leak them with a warning).
extern "C" void class_unregister(struct device_class* cls)
{
    if (IS_ERR_OR_NULL(cls))
        return;
    for (;;) {
        device* orphan = nullptr;
        {
            SpinLockGuard guard(devices_lock);
            for (device* dev = devices; dev && !orphan; dev = dev->next)
                if (dev->class_ == cls)
                    orphan = dev;
        }
        if (!orphan)
            break;
        printk(KERN_WARNING "class_unregister %s: device %s still registered\n", cls->name, orphan->name);
        device_unregister(orphan);
    }
    kobject_put(cls->sysfs_virtual_dir);
    cls->sysfs_virtual_dir = nullptr;
    if (cls->sysfs_dir) {
        if (cls->class_groups)
            sysfs_remove_groups(cls->sysfs_dir, cls->class_groups);
        kset_unregister(to_kset(cls->sysfs_dir));
        cls->sysfs_dir = nullptr;
    }
    if (cls->class_release)
        cls->class_release(cls);
}
EXPORT_SYMBOL(class_unregister);

extern "C" int class_create_file(struct device_class* cls, const struct class_attribute* attr)
{
    if (!cls || !cls->sysfs_dir || !attr)
        return -EINVAL;
    return sysfs_create_file(cls->sysfs_dir, &attr->attr);
}
EXPORT_SYMBOL(class_create_file);

extern "C" void class_remove_file(struct device_class* cls, const struct class_attribute* attr)
{
    if (cls && cls->sysfs_dir && attr)
        sysfs_remove_file(cls->sysfs_dir, &attr->attr);
}
EXPORT_SYMBOL(class_remove_file);

extern "C" struct device_class* __class_create(struct module* owner, const char* name)
{
    auto* cls = static_cast<device_class*>(kzalloc(sizeof(device_class), GFP_KERNEL));
    if (!cls)
        return static_cast<device_class*>(ERR_PTR(-ENOMEM));
    cls->name = name;
    cls->owner = owner;
    cls->class_release = class_create_release;
    if (int error = class_register(cls); error < 0) {
        kfree(cls);
        return static_cast<device_class*>(ERR_PTR(error));
    }
    return cls;
}
EXPORT_SYMBOL(__class_create);

extern "C" struct device_class* class_create_named(const char* name)
{
    return __class_create(nullptr, name);
}
EXPORT_SYMBOL(class_create_named);

extern "C" void class_destroy(struct device_class* cls)
{
    class_unregister(cls);   // its class_release frees it
}
EXPORT_SYMBOL(class_destroy);

extern "C" struct device* device_create(struct device_class* cls, struct device* parent, dev_t devt, void* drvdata,
    const char* fmt, ...)
{
    char name[sizeof(device::name)];
    va_list args;
    va_start(args, fmt);
    libk::vsnprintf(name, sizeof(name), fmt, args);
    va_end(args);
    if (devt && find_device(cls, devt))
        return static_cast<device*>(ERR_PTR(-EEXIST));
    return device_create_node(cls, parent, devt, drvdata, name, nullptr, default_node_mode);
}
EXPORT_SYMBOL(device_create);

extern "C" void device_initialize(struct device* dev)
{
    kobject_init(&dev->kobj, &device_ktype);
}
EXPORT_SYMBOL(device_initialize);

extern "C" int dev_set_name(struct device* dev, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    libk::vsnprintf(dev->name, sizeof(dev->name), fmt, args);
    va_end(args);
    return 0;
}
EXPORT_SYMBOL(dev_set_name);

extern "C" int device_add(struct device* dev)
{
    if (!dev || !dev->name[0])
        return -EINVAL;
    if (dev->devt && find_device(dev->class_, dev->devt))
        return -EEXIST;
    return add_device(dev, nullptr, default_node_mode);
}
EXPORT_SYMBOL(device_add);

extern "C" int device_register(struct device* dev)
{
    device_initialize(dev);
    return device_add(dev);
}
EXPORT_SYMBOL(device_register);

extern "C" struct device* get_device(struct device* dev)
{
    if (dev)
        kobject_get(&dev->kobj);
    return dev;
}
EXPORT_SYMBOL(get_device);

extern "C" void put_device(struct device* dev)
{
    if (dev)
        kobject_put(&dev->kobj);
}
EXPORT_SYMBOL(put_device);

// Out of sysfs and /dev; the memory stays until the last put_device.
extern "C" void device_del(struct device* dev)
{
    if (IS_ERR_OR_NULL(dev) || !unlink_device(dev))
        return;
    delete_node(dev);
    device_remove_sysfs(dev);
}
EXPORT_SYMBOL(device_del);

extern "C" void device_unregister(struct device* dev)
{
    if (IS_ERR_OR_NULL(dev) || !unlink_device(dev))
        return;
    free_device(dev);
}
EXPORT_SYMBOL(device_unregister);

extern "C" void device_destroy(struct device_class* cls, dev_t devt)
{
    device_unregister(find_device(cls, devt));
}
EXPORT_SYMBOL(device_destroy);

extern "C" int device_create_file(struct device* dev, const struct device_attribute* attr)
{
    if (!dev || !attr)
        return -EINVAL;
    return sysfs_create_file(&dev->kobj, &attr->attr);
}
EXPORT_SYMBOL(device_create_file);

extern "C" void device_remove_file(struct device* dev, const struct device_attribute* attr)
{
    if (dev && attr)
        sysfs_remove_file(&dev->kobj, &attr->attr);
}
EXPORT_SYMBOL(device_remove_file);
