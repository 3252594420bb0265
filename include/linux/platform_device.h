/* The platform bus (Linux's linux/platform_device.h): devices that are simply
 * there (no bus to enumerate them), registered by name, and the drivers that
 * bind to them by that name or their id_table. probe() runs when a device and
 * its driver meet, whichever is registered first; remove() when either goes. */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>

#define PLATFORM_DEVID_NONE (-1)   /* the device is named NAME */
#define PLATFORM_DEVID_AUTO (-2)   /* NAME.N.auto, N picked by the bus */

struct platform_device {
    const char *name;
    int id;                     /* NAME.id, or PLATFORM_DEVID_NONE/AUTO */
    bool id_auto;
    struct device dev;
    u64 platform_dma_mask;
    u32 num_resources;
    struct resource *resource;
    const struct platform_device_id *id_entry;   /* the id_table entry it matched */
    const char *driver_override;
    /* kernel: on the bus's list of devices while added */
    struct list_head bus_node;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
    int (*probe)(struct platform_device *);
    int (*remove)(struct platform_device *);        /* Linux 6.1: returns int, ignored */
    void (*remove_new)(struct platform_device *);   /* 6.3+: the void form */
    void (*shutdown)(struct platform_device *);
    int (*suspend)(struct platform_device *, pm_message_t state);
    int (*resume)(struct platform_device *);
    struct device_driver driver;
    const struct platform_device_id *id_table;
    bool prevent_deferred_probe;
    bool driver_managed_dma;
    /* kernel: on the bus's list of drivers while registered */
    struct list_head bus_node;
};

#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)

#ifdef __cplusplus
extern "C" {
#endif

extern struct bus_type platform_bus_type;
extern struct device platform_bus;   /* the parent of devices registered without one */

/* Drivers: registering binds every matching device (probe), unregistering unbinds (remove). */
int __platform_driver_register(struct platform_driver *drv, struct module *owner);
void platform_driver_unregister(struct platform_driver *drv);

/* A device the caller owns (its dev.release frees it): add it and bind a driver. */
int platform_device_register(struct platform_device *pdev);
/* Unbinds and removes it, then drops the caller's reference (release). */
void platform_device_unregister(struct platform_device *pdev);

/* A device the bus allocates: alloc, add data or resources, add; put frees
 * one that was never added, unregister (del + put) one that was. */
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);

/* What platform_device_register_full makes: alloc, resources, data, add in one
 * call; the result or ERR_PTR(-errno). */
struct platform_device_info {
    struct device *parent;
    void *fwnode;
    bool of_node_reused;
    const char *name;
    int id;
    const struct resource *res;
    unsigned int num_res;
    const void *data;
    size_t size_data;
    u64 dma_mask;
    const void *properties;
};
struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo);

struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num);
int platform_get_irq(struct platform_device *pdev, unsigned int num);

#ifdef __cplusplus
}
#endif

#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)

static inline struct platform_device *platform_device_register_resndata(struct device *parent, const char *name,
    int id, const struct resource *res, unsigned int num, const void *data, size_t size)
{
    struct platform_device_info info = {
        .parent = parent, .name = name, .id = id, .res = res, .num_res = num, .data = data, .size_data = size,
    };
    return platform_device_register_full(&info);
}

static inline struct platform_device *platform_device_register_simple(const char *name, int id,
    const struct resource *res, unsigned int num)
{
    return platform_device_register_resndata(NULL, name, id, res, num, NULL, 0);
}

static inline struct platform_device *platform_device_register_data(struct device *parent, const char *name,
    int id, const void *data, size_t size)
{
    return platform_device_register_resndata(parent, name, id, NULL, 0, data, size);
}

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
    return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
    dev_set_drvdata(&pdev->dev, data);
}

static inline const struct platform_device_id *platform_get_device_id(const struct platform_device *pdev)
{
    return pdev->id_entry;
}

static inline void *dev_get_platdata(const struct device *dev)
{
    return dev->platform_data;
}

/* A module whose init and exit only register and unregister one driver. */
#define module_driver(__driver, __register, __unregister, ...)        \
    static int __init __driver##_init(void)                           \
    {                                                                 \
        return __register(&(__driver), ##__VA_ARGS__);                \
    }                                                                 \
    module_init(__driver##_init);                                     \
    static void __exit __driver##_exit(void)                          \
    {                                                                 \
        __unregister(&(__driver), ##__VA_ARGS__);                     \
    }                                                                 \
    module_exit(__driver##_exit);

#define module_platform_driver(__platform_driver) \
    module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)

#endif
