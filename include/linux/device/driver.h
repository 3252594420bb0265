/* A driver of the device model (Linux's struct device_driver): the part common
 * to every bus; a bus's driver (struct platform_driver...) embeds it. */
#ifndef _LINUX_DEVICE_DRIVER_H
#define _LINUX_DEVICE_DRIVER_H

#include <linux/pm.h>
#include <linux/types.h>

struct module;
struct device;
struct bus_type;
struct of_device_id;
struct acpi_device_id;

enum probe_type {
    PROBE_DEFAULT_STRATEGY,
    PROBE_PREFER_ASYNCHRONOUS,
    PROBE_FORCE_SYNCHRONOUS,
};

struct device_driver {
    const char *name;
    struct bus_type *bus;
    struct module *owner;
    const char *mod_name;
    bool suppress_bind_attrs;
    enum probe_type probe_type;
    const struct of_device_id *of_match_table;
    const struct acpi_device_id *acpi_match_table;
    int (*probe)(struct device *dev);
    int (*remove)(struct device *dev);
    void (*shutdown)(struct device *dev);
    const struct dev_pm_ops *pm;
};

#endif
