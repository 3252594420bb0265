/* demo_pdev: registers platform devices for demo_pdrv, three ways:
 *   demo.0       platform_device_alloc + platform_device_add_data + platform_device_add
 *   demo-lite.1  platform_device_register_simple (no platform data)
 *   demo.N.auto  platform_device_register_data with PLATFORM_DEVID_AUTO
 *   demo.7       a device whose data the driver refuses (bad=1 only)
 * rmmod unregisters them all (the driver's remove runs for the bound ones). */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>

#include "../demo_pdrv/demo_pdrv.h"

static bool bad;
module_param(bad, bool, 0444);
MODULE_PARM_DESC(bad, "also register demo.7, which the driver's probe refuses");

static struct platform_device *devices[4];

static int __init demo_pdev_init(void)
{
    struct demo_platform_data first = { .greeting = "hello from demo.0", .number = 42 };
    struct demo_platform_data automatic = { .greeting = "numbered by the bus", .number = 3 };
    struct demo_platform_data refused = { .greeting = "refused", .number = -1 };
    struct platform_device *pdev;
    int error;

    pdev = platform_device_alloc("demo", 0);
    if (!pdev)
        return -ENOMEM;
    error = platform_device_add_data(pdev, &first, sizeof(first));   /* the bus keeps a copy */
    if (!error)
        error = platform_device_add(pdev);
    if (error) {
        platform_device_put(pdev);
        return error;
    }
    devices[0] = pdev;

    devices[1] = platform_device_register_simple("demo-lite", 1, NULL, 0);
    devices[2] = platform_device_register_data(NULL, "demo", PLATFORM_DEVID_AUTO, &automatic, sizeof(automatic));
    if (bad)
        devices[3] = platform_device_register_data(NULL, "demo", 7, &refused, sizeof(refused));
    pr_info("demo_pdev: registered %s %s %s%s%s\n", dev_name(&devices[0]->dev),
            IS_ERR(devices[1]) ? "?" : dev_name(&devices[1]->dev),
            IS_ERR(devices[2]) ? "?" : dev_name(&devices[2]->dev),
            bad ? " " : "", bad && !IS_ERR(devices[3]) ? dev_name(&devices[3]->dev) : "");
    return 0;
}

static void __exit demo_pdev_exit(void)
{
    int i;

    for (i = ARRAY_SIZE(devices) - 1; i >= 0; i--)
        if (!IS_ERR_OR_NULL(devices[i]))
            platform_device_unregister(devices[i]);
    pr_info("demo_pdev: unregistered\n");
}

module_init(demo_pdev_init);
module_exit(demo_pdev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Platform devices for demo_pdrv, made with each registration call");
