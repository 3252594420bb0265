/* The device id tables drivers match devices with (Linux's linux/mod_devicetable.h):
 * the platform bus's, and the Open Firmware one drivers list even where there is none. */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PLATFORM_NAME_SIZE 20
#define PLATFORM_MODULE_PREFIX "platform:"

/* One device name a platform driver handles; the table ends with an empty name. */
struct platform_device_id {
    char name[PLATFORM_NAME_SIZE];
    kernel_ulong_t driver_data;
};

/* Device-tree matching (kernlab has no device tree: these tables match nothing). */
struct of_device_id {
    char name[32];
    char type[32];
    char compatible[128];
    const void *data;
};

#endif
