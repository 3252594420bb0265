// The platform bus (include/linux/platform_device.h, Linux's drivers/base/platform.c):
// one list of devices, one of drivers, and a match by id_table or by name. A
// device and a driver that match are bound (probe) when the second of them is
// registered, and unbound (remove) when either goes away.
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/string.h>

namespace {

// Held across probe and remove, as Linux holds the device lock: a driver's
// probe must not register platform devices or drivers itself.
constinit struct mutex platform_lock = {};
constinit LIST_HEAD(platform_devices);
constinit LIST_HEAD(platform_drivers);

// PLATFORM_DEVID_AUTO numbers (Linux's platform_devid_ida).
constexpr unsigned auto_id_count = 256;
constinit DECLARE_BITMAP(auto_ids, auto_id_count) = {};

// What platform_device_alloc allocates: the device and its name together.
struct PlatformObject {
    platform_device pdev;
    char name[1];
};

// platform_match: an id_table entry names the device, else the driver's name does.
const platform_device_id* match_id(const platform_device_id* id, const platform_device* pdev)
{
    for (; id && id->name[0]; ++id)
        if (libk::strcmp(pdev->name, id->name) == 0)
            return id;
    return nullptr;
}

bool platform_match(platform_device* pdev, platform_driver* drv)
{
    if (pdev->driver_override)
        return libk::strcmp(pdev->driver_override, drv->driver.name) == 0;
    if (drv->id_table) {
        const platform_device_id* id = match_id(drv->id_table, pdev);
        pdev->id_entry = id;
        return id != nullptr;
    }
    return libk::strcmp(pdev->name, drv->driver.name) == 0;
}

// really_probe: the device is the driver's from here; a failed probe undoes that.
void driver_probe_device(platform_driver* drv, platform_device* pdev)
{
    device* dev = &pdev->dev;
    dev->driver = &drv->driver;
    int error = drv->probe ? drv->probe(pdev) : 0;
    if (error == 0)
        return;
    dev->driver = nullptr;
    dev_set_drvdata(dev, nullptr);
    pdev->id_entry = nullptr;
    // -ENODEV and -ENXIO mean "not my device": Linux stays quiet about those.
    if (error != -ENODEV && error != -ENXIO)
        printk(KERN_WARNING "%s: probe of %s failed with error %d\n", drv->driver.name, dev_name(dev), error);
}

// device_release_driver: remove() sees the device still bound; then it is free.
void device_release_driver(platform_device* pdev)
{
    device* dev = &pdev->dev;
    if (!dev->driver)
        return;
    platform_driver* drv = to_platform_driver(dev->driver);
    if (drv->remove_new) {
        drv->remove_new(pdev);
    } else if (drv->remove) {
        if (drv->remove(pdev))
            dev_warn(dev, "remove callback returned a non-zero value. This will be ignored.\n");
    }
    dev->driver = nullptr;
    dev_set_drvdata(dev, nullptr);
    pdev->id_entry = nullptr;
}

// The first driver, in registration order, that takes the device.
void bus_probe_device(platform_device* pdev)
{
    platform_driver* drv;
    list_for_each_entry(drv, &platform_drivers, bus_node) {
        if (pdev->dev.driver)
            return;
        if (platform_match(pdev, drv))
            driver_probe_device(drv, pdev);
    }
}

bool name_taken(const char* name)
{
    platform_device* pdev;
    list_for_each_entry(pdev, &platform_devices, bus_node)
        if (libk::strcmp(dev_name(&pdev->dev), name) == 0)
            return true;
    return false;
}

// The last reference is gone: the device's release frees it (Linux's put_device
// of a device nobody else holds, as platform devices are used).
void release_device(platform_device* pdev)
{
    device* dev = &pdev->dev;
    if (dev->release)
        dev->release(dev);
    else
        printk(KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed.\n",
            dev_name(dev));
}

void platform_device_release(device* dev)
{
    platform_device* pdev = to_platform_device(dev);
    kfree(dev->platform_data);
    kfree(pdev->resource);
    kfree(const_cast<char*>(pdev->driver_override));
    kfree(container_of(pdev, PlatformObject, pdev));
}

} // namespace

struct bus_type platform_bus_type = {
    .name = "platform",
    .dev_name = nullptr,
    .match = nullptr,
    .probe = nullptr,
    .remove = nullptr,
    .shutdown = nullptr,
};
EXPORT_SYMBOL(platform_bus_type);

// /devices/platform, the parent of platform devices registered without one.
constinit struct device platform_bus = { .name = "platform" };
EXPORT_SYMBOL(platform_bus);

extern "C" int __platform_driver_register(struct platform_driver* drv, struct module* owner)
{
    if (!drv || !drv->driver.name)
        return -EINVAL;
    drv->driver.owner = owner;
    drv->driver.bus = &platform_bus_type;
    mutex_lock(&platform_lock);
    list_add_tail(&drv->bus_node, &platform_drivers);
    platform_device* pdev;
    list_for_each_entry(pdev, &platform_devices, bus_node) {
        if (!pdev->dev.driver && platform_match(pdev, drv))
            driver_probe_device(drv, pdev);
    }
    mutex_unlock(&platform_lock);
    return 0;
}
EXPORT_SYMBOL(__platform_driver_register);

extern "C" void platform_driver_unregister(struct platform_driver* drv)
{
    if (!drv || !drv->bus_node.next)
        return;
    mutex_lock(&platform_lock);
    platform_device* pdev;
    list_for_each_entry(pdev, &platform_devices, bus_node) {
        if (pdev->dev.driver == &drv->driver)
            device_release_driver(pdev);
    }
    list_del(&drv->bus_node);
    drv->bus_node.next = drv->bus_node.prev = nullptr;
    mutex_unlock(&platform_lock);
}
EXPORT_SYMBOL(platform_driver_unregister);

extern "C" int platform_device_add(struct platform_device* pdev)
{
    if (!pdev || !pdev->name)
        return -EINVAL;
    device* dev = &pdev->dev;
    if (!dev->parent)
        dev->parent = &platform_bus;
    dev->bus = &platform_bus_type;

    mutex_lock(&platform_lock);
    int error = 0;
    if (pdev->id == PLATFORM_DEVID_AUTO) {
        unsigned long id = find_first_zero_bit(auto_ids, auto_id_count);
        if (id >= auto_id_count) {
            error = -ENOSPC;
        } else {
            __set_bit(id, auto_ids);
            pdev->id = static_cast<int>(id);
            pdev->id_auto = true;
        }
    }
    if (error == 0) {
        if (pdev->id == PLATFORM_DEVID_NONE)
            libk::snprintf(dev->name, sizeof(dev->name), "%s", pdev->name);
        else
            libk::snprintf(dev->name, sizeof(dev->name), pdev->id_auto ? "%s.%d.auto" : "%s.%d", pdev->name, pdev->id);
        // Linux refuses a second device of the same name (its sysfs directory exists).
        if (name_taken(dev->name)) {
            printk(KERN_ERR "platform: a device named %s exists already\n", dev->name);
            error = -EEXIST;
        }
    }
    if (error == 0) {
        list_add_tail(&pdev->bus_node, &platform_devices);
        bus_probe_device(pdev);
    } else if (pdev->id_auto) {
        __clear_bit(static_cast<unsigned>(pdev->id), auto_ids);
        pdev->id = PLATFORM_DEVID_AUTO;
        pdev->id_auto = false;
    }
    mutex_unlock(&platform_lock);
    return error;
}
EXPORT_SYMBOL(platform_device_add);

extern "C" void platform_device_del(struct platform_device* pdev)
{
    if (!pdev || !pdev->bus_node.next)
        return;
    mutex_lock(&platform_lock);
    device_release_driver(pdev);
    list_del(&pdev->bus_node);
    pdev->bus_node.next = pdev->bus_node.prev = nullptr;
    if (pdev->id_auto) {
        __clear_bit(static_cast<unsigned>(pdev->id), auto_ids);
        pdev->id = PLATFORM_DEVID_AUTO;
        pdev->id_auto = false;
    }
    mutex_unlock(&platform_lock);
}
EXPORT_SYMBOL(platform_device_del);

extern "C" void platform_device_put(struct platform_device* pdev)
{
    if (pdev)
        release_device(pdev);
}
EXPORT_SYMBOL(platform_device_put);

extern "C" int platform_device_register(struct platform_device* pdev)
{
    return platform_device_add(pdev);
}
EXPORT_SYMBOL(platform_device_register);

extern "C" void platform_device_unregister(struct platform_device* pdev)
{
    if (!pdev)
        return;
    platform_device_del(pdev);
    platform_device_put(pdev);
}
EXPORT_SYMBOL(platform_device_unregister);

extern "C" struct platform_device* platform_device_alloc(const char* name, int id)
{
    size_t length = libk::strlen(name);
    auto* object = static_cast<PlatformObject*>(kzalloc(sizeof(PlatformObject) + length, GFP_KERNEL));
    if (!object)
        return nullptr;
    libk::strcpy(object->name, name);
    object->pdev.name = object->name;
    object->pdev.id = id;
    object->pdev.dev.release = platform_device_release;
    return &object->pdev;
}
EXPORT_SYMBOL(platform_device_alloc);

extern "C" int platform_device_add_data(struct platform_device* pdev, const void* data, size_t size)
{
    void* copy = nullptr;
    if (data) {
        copy = kmemdup(data, size, GFP_KERNEL);
        if (!copy)
            return -ENOMEM;
    }
    kfree(pdev->dev.platform_data);
    pdev->dev.platform_data = copy;
    return 0;
}
EXPORT_SYMBOL(platform_device_add_data);

extern "C" int platform_device_add_resources(struct platform_device* pdev, const struct resource* res,
    unsigned int num)
{
    resource* copy = nullptr;
    if (res && num) {
        copy = static_cast<resource*>(kmemdup(res, sizeof(resource) * num, GFP_KERNEL));
        if (!copy)
            return -ENOMEM;
    }
    kfree(pdev->resource);
    pdev->resource = copy;
    pdev->num_resources = copy ? num : 0;
    return 0;
}
EXPORT_SYMBOL(platform_device_add_resources);

extern "C" struct platform_device* platform_device_register_full(const struct platform_device_info* info)
{
    platform_device* pdev = platform_device_alloc(info->name, info->id);
    if (!pdev)
        return static_cast<platform_device*>(ERR_PTR(-ENOMEM));
    pdev->dev.parent = info->parent;
    int error = platform_device_add_resources(pdev, info->res, info->num_res);
    if (error == 0)
        error = platform_device_add_data(pdev, info->data, info->size_data);
    if (error == 0)
        error = platform_device_add(pdev);
    if (error) {
        platform_device_put(pdev);
        return static_cast<platform_device*>(ERR_PTR(error));
    }
    return pdev;
}
EXPORT_SYMBOL(platform_device_register_full);

extern "C" struct resource* platform_get_resource(struct platform_device* pdev, unsigned int type, unsigned int num)
{
    for (u32 i = 0; i < pdev->num_resources; i++) {
        resource* res = &pdev->resource[i];
        if (resource_type(res) == type && num-- == 0)
            return res;
    }
    return nullptr;
}
EXPORT_SYMBOL(platform_get_resource);

extern "C" int platform_get_irq(struct platform_device* pdev, unsigned int num)
{
    resource* res = platform_get_resource(pdev, IORESOURCE_IRQ, num);
    if (!res) {
        dev_err(&pdev->dev, "IRQ index %u not found\n", num);
        return -ENXIO;
    }
    return static_cast<int>(res->start);
}
EXPORT_SYMBOL(platform_get_irq);
