/* The device model, as far as char drivers use it: a class ("mychar") and its
 * devices, where device_create() makes the /dev node (udev's job on Linux,
 * devtmpfs's here: root-owned, mode 0600 unless the class's devnode says). */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <linux/device/bus.h>
#include <linux/device/driver.h>

struct module;

/* C++ cannot name a struct "class"; the kernel's C++ calls it device_class. */
#ifdef __cplusplus
#define __DEVICE_CLASS device_class
#define __DEVICE_CLASS_MEMBER class_
#else
#define __DEVICE_CLASS class
#define __DEVICE_CLASS_MEMBER class
#endif

struct device;

struct __DEVICE_CLASS {
    const char *name;
    struct module *owner;
    /* Optional: the node's name under /dev (kmalloc'ed, or NULL for the
     * device's name) and its mode (left alone: 0600). */
    char *(*devnode)(struct device *dev, umode_t *mode);
    /* Attributes every device of the class gets (Linux's class::dev_groups). */
    const struct attribute_group **dev_groups;
    /* Files in /sys/class/NAME itself (CLASS_ATTR_WO(export) and friends). */
    const struct attribute_group **class_groups;
    /* Frees a class_create()d class after class_unregister; NULL for a static one. */
    void (*class_release)(struct __DEVICE_CLASS *cls);
    struct kobject *sysfs_dir;          /* kernel: /sys/class/NAME */
    struct kobject *sysfs_virtual_dir;  /* kernel: /sys/devices/virtual/NAME */
};

struct device {
    struct device *parent;
    struct __DEVICE_CLASS *__DEVICE_CLASS_MEMBER;
    dev_t devt;                 /* 0 for a device without a /dev node */
    void *driver_data;          /* dev_get_drvdata */
    char name[64];              /* dev_name; also the node under /dev */
    char *node_name;            /* kernel: its node under /dev (kmalloc'ed), or NULL */
    struct device *next;        /* kernel: on the list of devices */
    struct bus_type *bus;       /* the bus it is on (platform...), or NULL */
    struct device_driver *driver;   /* the driver bound to it, or NULL */
    void *platform_data;        /* board data for the driver (platform devices) */
    void (*release)(struct device *dev);   /* frees it when the last user is gone */
    struct kobject kobj;        /* its directory under /sys/devices (class devices) */
};

/* A file in a device's sysfs directory (DEVICE_ATTR_RW(foo): foo_show, foo_store). */
struct device_attribute {
    struct attribute attr;
    ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
    ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};
#define DEVICE_ATTR(_name, _mode, _show, _store) \
    struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
/* A file in /sys/class/NAME (CLASS_ATTR_WO(foo): class_attr_foo calling foo_store). */
struct class_attribute {
    struct attribute attr;
    ssize_t (*show)(struct __DEVICE_CLASS *cls, struct class_attribute *attr, char *buf);
    ssize_t (*store)(struct __DEVICE_CLASS *cls, struct class_attribute *attr, const char *buf, size_t count);
};
#define CLASS_ATTR_RW(_name) struct class_attribute class_attr_##_name = __ATTR_RW(_name)
#define CLASS_ATTR_RO(_name) struct class_attribute class_attr_##_name = __ATTR_RO(_name)
#define CLASS_ATTR_WO(_name) struct class_attribute class_attr_##_name = __ATTR_WO(_name)
#define kobj_to_dev(k) ((struct device *)((char *)(k) - __builtin_offsetof(struct device, kobj)))

#ifdef __cplusplus
extern "C" {
#endif

/* class_create(owner, name) (Linux up to 6.3) and class_create(name) (6.4+). */
struct __DEVICE_CLASS *__class_create(struct module *owner, const char *name);
struct __DEVICE_CLASS *class_create_named(const char *name);
void class_destroy(struct __DEVICE_CLASS *cls);
/* A class the caller defines (static struct class): /sys/class/NAME and its class_groups. */
int class_register(struct __DEVICE_CLASS *cls);
void class_unregister(struct __DEVICE_CLASS *cls);
int class_create_file(struct __DEVICE_CLASS *cls, const struct class_attribute *attr);
void class_remove_file(struct __DEVICE_CLASS *cls, const struct class_attribute *attr);

/* A device the caller embeds: device_register = device_initialize + device_add;
 * set .class, .parent, .devt (optional), .release and the name (dev_set_name)
 * first. The last put_device calls dev->release. */
void device_initialize(struct device *dev);
int device_add(struct device *dev);
void device_del(struct device *dev);
int device_register(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
__printf(2, 3) int dev_set_name(struct device *dev, const char *fmt, ...);

/* A device of `cls` named by fmt; with devt != 0 also /dev/<name>. Returns
 * the device or ERR_PTR(-errno). */
__printf(5, 6) struct device *device_create(struct __DEVICE_CLASS *cls, struct device *parent, dev_t devt,
    void *drvdata, const char *fmt, ...);
/* Removes the device of `cls` with number devt and its /dev node. */
void device_destroy(struct __DEVICE_CLASS *cls, dev_t devt);
void device_unregister(struct device *dev);
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);

#ifdef __cplusplus
}
#endif

#define __CLASS_CREATE_PICK(_1, _2, NAME, ...) NAME
#define class_create(...) __CLASS_CREATE_PICK(__VA_ARGS__, __class_create, class_create_named, unused)(__VA_ARGS__)

static inline const char *dev_name(const struct device *dev)
{
    return dev->name;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
    return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
    dev->driver_data = data;
}

/* The driver's name, else the bus's or the class's: what dev_info() prints first. */
static inline const char *dev_driver_string(const struct device *dev)
{
    if (dev->driver && dev->driver->name)
        return dev->driver->name;
    if (dev->bus)
        return dev->bus->name;
    if (dev->__DEVICE_CLASS_MEMBER)
        return dev->__DEVICE_CLASS_MEMBER->name;
    return "";
}

/* Messages tagged "DRIVER DEVICE: ", as Linux's dev_info() and friends. */
#define dev_printk(level, dev, fmt, ...) \
    printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif
