/* demo_pdrv: a platform driver for the devices named "demo" (see demo_pdev).
 * The bus calls probe when a device and this driver meet, whichever was
 * registered first, and remove when either goes:
 *   insmod demo_pdrv.ko; insmod demo_pdev.ko    probe runs at the second insmod
 *   rmmod demo_pdev                             remove runs for each device
 * probe keeps per-device state with platform_set_drvdata; a device whose
 * number is negative is refused (probe fails, the device stays unbound). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "demo_pdrv.h"

struct demo_state {
    int number;
};

static int demo_probe(struct platform_device *pdev)
{
    struct demo_platform_data *pdata = dev_get_platdata(&pdev->dev);
    const struct platform_device_id *id = platform_get_device_id(pdev);
    struct demo_state *state;

    if (pdata && pdata->number < 0) {
        dev_err(&pdev->dev, "refusing number %d\n", pdata->number);
        return -EINVAL;
    }
    state = kzalloc(sizeof(*state), GFP_KERNEL);
    if (!state)
        return -ENOMEM;
    state->number = pdata ? pdata->number : 0;
    platform_set_drvdata(pdev, state);

    dev_info(&pdev->dev, "probe: id_table entry %s (kind %lu), greeting \"%s\", number %d\n",
             id ? id->name : "-", id ? id->driver_data : 0, pdata ? pdata->greeting : "(no data)",
             state->number);
    return 0;
}

static int demo_remove(struct platform_device *pdev)
{
    struct demo_state *state = platform_get_drvdata(pdev);

    dev_info(&pdev->dev, "remove: number %d\n", state->number);
    kfree(state);
    return 0;
}

static const struct platform_device_id demo_ids[] = {
    { .name = "demo", .driver_data = 1 },
    { .name = "demo-lite", .driver_data = 2 },
    { },
};
MODULE_DEVICE_TABLE(platform, demo_ids);

static struct platform_driver demo_driver = {
    .probe = demo_probe,
    .remove = demo_remove,
    .id_table = demo_ids,
    .driver = {
        .name = "demo_pdrv",
        .owner = THIS_MODULE,
    },
};

module_platform_driver(demo_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A platform driver whose probe and remove say when they run");
