// Misc devices (include/linux/miscdevice.h): major 10 belongs to this file;
// opening a minor finds its miscdevice, hands the file to the driver's fops
// and sets file->private_data to the miscdevice, as Linux's misc_open does.
#include "internal.h"
#include <kernel/initcall.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>

namespace {

constexpr int minor_count = 256;

constinit LIST_HEAD(misc_list);
constinit struct mutex misc_mtx = {};
constinit bool minor_used[minor_count] = {};
constinit device_class* misc_class = nullptr;

miscdevice* find_misc(int minor)
{
    miscdevice* misc;
    list_for_each_entry(misc, &misc_list, list) {
        if (misc->minor == minor)
            return misc;
    }
    return nullptr;
}

// Dynamic minors as Linux 2.6/3.x gave them: from 63 down, then the rest.
int pick_dynamic_minor()
{
    for (int minor = 63; minor >= 0; --minor)
        if (!minor_used[minor])
            return minor;
    for (int minor = minor_count - 2; minor > 63; --minor)
        if (!minor_used[minor])
            return minor;
    return -EBUSY;
}

int misc_open(inode* node, file* f)
{
    mutex_lock(&misc_mtx);
    miscdevice* misc = find_misc(static_cast<int>(iminor(node)));
    mutex_unlock(&misc_mtx);
    if (!misc || !misc->fops)
        return -ENODEV;
    f->private_data = misc;
    f->f_op = misc->fops;   // from now on the file is the driver's
    return f->f_op->open ? f->f_op->open(node, f) : 0;
}

const file_operations misc_fops = {
    .owner = nullptr,
    .llseek = noop_llseek,
    .open = misc_open,
};

int misc_init()
{
    misc_class = class_create_named("misc");
    if (IS_ERR(misc_class)) {
        misc_class = nullptr;
        return -ENOMEM;
    }
    int error = register_chrdev(MISC_MAJOR, "misc", &misc_fops);
    if (error < 0)
        printk(KERN_ERR "misc: cannot register major %d (%d)\n", MISC_MAJOR, error);
    return error;
}
subsys_initcall(misc_init);

} // namespace

extern "C" int misc_register(struct miscdevice* misc)
{
    if (!misc || !misc->name || !misc->fops)
        return -EINVAL;
    mutex_lock(&misc_mtx);
    int minor = misc->minor;
    int error = 0;
    if (minor == MISC_DYNAMIC_MINOR) {
        minor = pick_dynamic_minor();
        if (minor < 0)
            error = minor;
    } else if (minor < 0 || minor >= minor_count) {
        error = -EINVAL;
    } else if (minor_used[minor]) {
        error = -EBUSY;
    }
    if (error == 0) {
        device* dev = device_create_node(misc_class, misc->parent, MKDEV(MISC_MAJOR, minor), misc, misc->name,
            misc->nodename, misc->mode ? misc->mode : 0600);
        if (IS_ERR(dev)) {
            error = static_cast<int>(PTR_ERR(dev));
        } else {
            misc->minor = minor;
            misc->this_device = dev;
            minor_used[minor] = true;
            list_add(&misc->list, &misc_list);
        }
    }
    mutex_unlock(&misc_mtx);
    return error;
}
EXPORT_SYMBOL(misc_register);

extern "C" void misc_deregister(struct miscdevice* misc)
{
    if (!misc || !misc->this_device)
        return;
    mutex_lock(&misc_mtx);
    list_del(&misc->list);
    minor_used[misc->minor] = false;
    device_unregister(misc->this_device);
    misc->this_device = nullptr;
    mutex_unlock(&misc_mtx);
}
EXPORT_SYMBOL(misc_deregister);
