// Classes and devices (include/linux/device.h): enough of the device model for
// char drivers. device_create makes the /dev node through devtmpfs, the part
// udev plays on Linux (root-owned, 0600 unless the class's devnode says).
#include "internal.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/stat.h>

namespace {

constexpr umode_t default_node_mode = 0600;

constinit SpinLock devices_lock;
constinit device* devices = nullptr;

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

void free_device(device* dev)
{
    if (dev->node_name) {
        int error = devtmpfs_delete_node(dev->node_name);
        if (error < 0)
            printk(KERN_WARNING "device: removing /dev/%s failed (%d)\n", dev->node_name, error);
        kfree(dev->node_name);
    }
    kfree(dev);
}

} // namespace

device* device_create_node(device_class* cls, device* parent, dev_t devt, void* drvdata, const char* name,
    const char* node_name, umode_t mode)
{
    auto* dev = static_cast<device*>(kzalloc(sizeof(device), GFP_KERNEL));
    if (!dev)
        return static_cast<device*>(ERR_PTR(-ENOMEM));
    dev->parent = parent;
    dev->class_ = cls;
    dev->devt = devt;
    dev->driver_data = drvdata;
    libk::strlcpy(dev->name, name, sizeof(dev->name));

    if (devt) {
        char* class_node = nullptr;
        if (cls && cls->devnode)
            class_node = cls->devnode(dev, &mode);   // may change the mode, the name or both
        const char* path = class_node ? class_node : node_name ? node_name : dev->name;
        dev->node_name = static_cast<char*>(kmalloc(libk::strlen(path) + 1, GFP_KERNEL));
        if (dev->node_name)
            libk::strcpy(dev->node_name, path);
        kfree(class_node);
        if (!dev->node_name) {
            kfree(dev);
            return static_cast<device*>(ERR_PTR(-ENOMEM));
        }
        int error = devtmpfs_create_node(dev->node_name, static_cast<umode_t>(S_IFCHR | (mode & 07777)), devt);
        if (error < 0) {
            printk(KERN_ERR "device_create: /dev/%s: error %d\n", dev->node_name, error);
            kfree(dev->node_name);
            kfree(dev);
            return static_cast<device*>(ERR_PTR(error));
        }
    }
    link_device(dev);
    return dev;
}

extern "C" struct device_class* __class_create(struct module* owner, const char* name)
{
    auto* cls = static_cast<device_class*>(kzalloc(sizeof(device_class), GFP_KERNEL));
    if (!cls)
        return static_cast<device_class*>(ERR_PTR(-ENOMEM));
    cls->name = name;
    cls->owner = owner;
    return cls;
}
EXPORT_SYMBOL(__class_create);

extern "C" struct device_class* class_create_named(const char* name)
{
    return __class_create(nullptr, name);
}
EXPORT_SYMBOL(class_create_named);

// Devices still in the class go with it (Linux would leak them with a warning).
extern "C" void class_destroy(struct device_class* cls)
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
        printk(KERN_WARNING "class_destroy %s: device %s still registered\n", cls->name, orphan->name);
        device_unregister(orphan);
    }
    kfree(cls);
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
