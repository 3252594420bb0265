/* vgadget: a class the driver defines itself (class_register) whose files make
 * and remove its devices, as virtual input drivers and GPIO's export files do:
 *   echo LABEL > /sys/class/vgadget/create    a device vgadgetN, /dev/vgadgetN
 *   echo N > /sys/class/vgadget/destroy       removes vgadgetN
 *   cat /sys/class/vgadget/count              how many there are
 * Each device is embedded in the driver's own struct and registered with
 * device_register; its release (the last put_device) frees it and says so. */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define VGADGET_MAX 8

struct vgadget {
    struct device dev;
    struct list_head node;
    int id;
    char label[32];
};

static int vgadget_major;
static DEFINE_MUTEX(vgadget_lock);   /* the list and the ids */
static LIST_HEAD(vgadgets);
static unsigned long used_ids;       /* bit N: vgadgetN exists */
static struct class vgadget_class;

#define to_vgadget(d) container_of(d, struct vgadget, dev)

/* The last reference is gone: free the memory device_register was given. */
static void vgadget_release(struct device *dev)
{
    struct vgadget *gadget = to_vgadget(dev);

    pr_info("vgadget: released vgadget%d (%s)\n", gadget->id, gadget->label);
    kfree(gadget);
}

static ssize_t label_show(struct device *dev, struct device_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%s\n", to_vgadget(dev)->label);
}
static DEVICE_ATTR_RO(label);

static struct attribute *vgadget_dev_attrs[] = {
    &dev_attr_label.attr,
    NULL,
};
ATTRIBUTE_GROUPS(vgadget_dev);

static ssize_t create_store(struct class *cls, struct class_attribute *attr, const char *buf, size_t count)
{
    struct vgadget *gadget;
    int id, err;

    gadget = kzalloc(sizeof(*gadget), GFP_KERNEL);
    if (!gadget)
        return -ENOMEM;
    strscpy(gadget->label, buf, sizeof(gadget->label));
    gadget->label[strcspn(gadget->label, "\n")] = '\0';

    mutex_lock(&vgadget_lock);
    for (id = 0; id < VGADGET_MAX && (used_ids & (1UL << id)); id++)
        ;
    if (id == VGADGET_MAX) {
        mutex_unlock(&vgadget_lock);
        kfree(gadget);
        return -ENOSPC;
    }
    gadget->id = id;
    gadget->dev.class = &vgadget_class;
    gadget->dev.devt = MKDEV(vgadget_major, id);
    gadget->dev.release = vgadget_release;
    dev_set_name(&gadget->dev, "vgadget%d", id);
    err = device_register(&gadget->dev);
    if (err) {
        mutex_unlock(&vgadget_lock);
        put_device(&gadget->dev);   /* vgadget_release frees it */
        return err;
    }
    used_ids |= 1UL << id;
    list_add_tail(&gadget->node, &vgadgets);
    mutex_unlock(&vgadget_lock);
    dev_info(&gadget->dev, "created (%s)\n", gadget->label);
    return count;
}
static CLASS_ATTR_WO(create);

/* Takes it off the list; the caller unregisters it. */
static void vgadget_forget(struct vgadget *gadget)
{
    list_del(&gadget->node);
    used_ids &= ~(1UL << gadget->id);
}

static ssize_t destroy_store(struct class *cls, struct class_attribute *attr, const char *buf, size_t count)
{
    struct vgadget *gadget, *found = NULL;
    int id, err;

    err = kstrtoint(buf, 10, &id);
    if (err)
        return err;
    mutex_lock(&vgadget_lock);
    list_for_each_entry (gadget, &vgadgets, node) {
        if (gadget->id == id) {
            found = gadget;
            vgadget_forget(found);
            break;
        }
    }
    mutex_unlock(&vgadget_lock);
    if (!found)
        return -ENODEV;
    device_unregister(&found->dev);
    return count;
}
static CLASS_ATTR_WO(destroy);

static ssize_t count_show(struct class *cls, struct class_attribute *attr, char *buf)
{
    int n = 0;
    struct vgadget *gadget;

    mutex_lock(&vgadget_lock);
    list_for_each_entry (gadget, &vgadgets, node)
        n++;
    mutex_unlock(&vgadget_lock);
    return sysfs_emit(buf, "%d\n", n);
}
static CLASS_ATTR_RO(count);

static struct attribute *vgadget_class_attrs[] = {
    &class_attr_create.attr,
    &class_attr_destroy.attr,
    &class_attr_count.attr,
    NULL,
};
ATTRIBUTE_GROUPS(vgadget_class);

static struct class vgadget_class = {
    .name = "vgadget",
    .owner = THIS_MODULE,
    .class_groups = vgadget_class_groups,
    .dev_groups = vgadget_dev_groups,
};

static ssize_t vgadget_read(struct file *file, char __user *buf, size_t len, loff_t *off)
{
    return 0;   /* the node exists to show device_register made it */
}

static const struct file_operations vgadget_fops = {
    .owner = THIS_MODULE,
    .read = vgadget_read,
};

static int __init vgadget_init(void)
{
    int err;

    vgadget_major = register_chrdev(0, "vgadget", &vgadget_fops);
    if (vgadget_major < 0)
        return vgadget_major;
    err = class_register(&vgadget_class);
    if (err) {
        unregister_chrdev(vgadget_major, "vgadget");
        return err;
    }
    pr_info("vgadget: class registered, major %d\n", vgadget_major);
    return 0;
}

static void __exit vgadget_exit(void)
{
    struct vgadget *gadget, *next;

    mutex_lock(&vgadget_lock);
    list_for_each_entry_safe (gadget, next, &vgadgets, node) {
        vgadget_forget(gadget);
        device_unregister(&gadget->dev);
    }
    mutex_unlock(&vgadget_lock);
    class_unregister(&vgadget_class);
    unregister_chrdev(vgadget_major, "vgadget");
    pr_info("vgadget: class unregistered\n");
}

module_init(vgadget_init);
module_exit(vgadget_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A class of its own whose files create and destroy devices");
