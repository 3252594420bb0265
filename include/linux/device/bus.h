/* A bus (Linux's struct bus_type): how its devices and drivers find each other. */
#ifndef _LINUX_DEVICE_BUS_H
#define _LINUX_DEVICE_BUS_H

struct device;
struct device_driver;

struct bus_type {
    const char *name;
    const char *dev_name;
    /* Nonzero when the driver can handle the device. */
    int (*match)(struct device *dev, struct device_driver *drv);
    int (*probe)(struct device *dev);
    void (*remove)(struct device *dev);
    void (*shutdown)(struct device *dev);
};

#endif
