// Char devices (Linux's fs/char_dev.c): number regions with names for
// /proc/devices, cdevs binding numbers to fops, and chrdev_open.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/cdev.h>
#include <linux/module.h>

namespace {

struct CharRegion {
    unsigned major;
    unsigned baseminor;
    unsigned count;
    char name[64];
    cdev* owned_cdev;          // made by register_chrdev
    CharRegion* next;          // sorted by major, then minor
};

constinit CharRegion* regions = nullptr;
constinit cdev* cdevs = nullptr;

bool overlaps(const CharRegion& r, unsigned major, unsigned baseminor, unsigned count)
{
    return r.major == major && baseminor < r.baseminor + r.count && r.baseminor < baseminor + count;
}

// Linux hands out dynamic majors from 254 down to 234, then 511 down to 384.
int find_dynamic_major()
{
    auto free = [](unsigned major) {
        for (CharRegion* r = regions; r; r = r->next)
            if (r->major == major)
                return false;
        return true;
    };
    for (unsigned major = 254; major >= 234; --major)
        if (free(major))
            return static_cast<int>(major);
    for (unsigned major = 511; major >= 384; --major)
        if (free(major))
            return static_cast<int>(major);
    return -EBUSY;
}

// Returns the region or nullptr with *error set.
CharRegion* register_region(unsigned major, unsigned baseminor, unsigned count, const char* name, int* error)
{
    if (major >= CHRDEV_MAJOR_MAX || count == 0 || baseminor + count - 1 > MINORMASK) {
        *error = -EINVAL;
        return nullptr;
    }
    if (major == 0) {
        int dynamic = find_dynamic_major();
        if (dynamic < 0) {
            *error = dynamic;
            return nullptr;
        }
        major = static_cast<unsigned>(dynamic);
    }
    for (CharRegion* r = regions; r; r = r->next) {
        if (overlaps(*r, major, baseminor, count)) {
            *error = -EBUSY;
            return nullptr;
        }
    }
    auto* region = static_cast<CharRegion*>(kzalloc(sizeof(CharRegion), GFP_KERNEL));
    if (!region) {
        *error = -ENOMEM;
        return nullptr;
    }
    region->major = major;
    region->baseminor = baseminor;
    region->count = count;
    libk::strlcpy(region->name, name ? name : "", sizeof(region->name));
    CharRegion** p = &regions;
    while (*p && ((*p)->major < major || ((*p)->major == major && (*p)->baseminor < baseminor)))
        p = &(*p)->next;
    region->next = *p;
    *p = region;
    return region;
}

CharRegion* unregister_region(unsigned major, unsigned baseminor, unsigned count)
{
    for (CharRegion** p = &regions; *p; p = &(*p)->next) {
        CharRegion* r = *p;
        if (r->major == major && r->baseminor == baseminor && r->count == count) {
            *p = r->next;
            return r;
        }
    }
    return nullptr;
}

cdev* find_cdev(dev_t dev)
{
    for (cdev* c = cdevs; c; c = c->next)
        if (dev >= c->dev && dev - c->dev < c->count)
            return c;
    return nullptr;
}

// Opening a char device node: switch to the driver's fops and call its open.
int chrdev_open(inode* node, file* f)
{
    cdev* c = find_cdev(node->i_rdev);
    if (!c || !c->ops)
        return -ENXIO;
    // The open file holds the driver's module (Linux's fops_get): rmmod
    // refuses while it is open, and "Used by" counts it.
    if (!try_module_get(c->ops->owner))
        return -ENXIO;
    node->i_cdev = c;
    f->f_op = c->ops;
    if (f->f_op->open) {
        int error = f->f_op->open(node, f);
        if (error) {
            module_put(c->ops->owner);
            f->f_op = nullptr;   // fput must neither release nor put again
        }
        return error;
    }
    return 0;
}

} // namespace

extern "C" const struct file_operations def_chr_fops = {
    .owner = nullptr,
    .llseek = nullptr,
    .open = chrdev_open,
};

const file_operations* chrdev_lookup(dev_t dev)
{
    cdev* c = find_cdev(dev);
    return c ? c->ops : nullptr;
}

void for_each_chrdev(void (*visitor)(unsigned major, const char* name, void* context), void* context)
{
    unsigned last_major = ~0u;
    const char* last_name = nullptr;
    for (CharRegion* r = regions; r; r = r->next) {
        // One line per (major, name), as /proc/devices shows it.
        if (r->major == last_major && last_name && libk::strcmp(last_name, r->name) == 0)
            continue;
        visitor(r->major, r->name, context);
        last_major = r->major;
        last_name = r->name;
    }
}

extern "C" int register_chrdev_region(dev_t from, unsigned count, const char* name)
{
    int error = 0;
    return register_region(MAJOR(from), MINOR(from), count, name, &error) ? 0 : error;
}

extern "C" int alloc_chrdev_region(dev_t* dev, unsigned baseminor, unsigned count, const char* name)
{
    int error = 0;
    CharRegion* region = register_region(0, baseminor, count, name, &error);
    if (!region)
        return error;
    *dev = MKDEV(region->major, baseminor);
    return 0;
}

extern "C" void unregister_chrdev_region(dev_t from, unsigned count)
{
    CharRegion* region = unregister_region(MAJOR(from), MINOR(from), count);
    kfree(region);
}

extern "C" void cdev_init(struct cdev* c, const struct file_operations* fops)
{
    libk::memset(c, 0, sizeof(*c));
    c->ops = fops;
}

extern "C" struct cdev* cdev_alloc(void)
{
    auto* c = static_cast<cdev*>(kzalloc(sizeof(cdev), GFP_KERNEL));
    if (c)
        c->allocated = true;
    return c;
}

extern "C" int cdev_add(struct cdev* c, dev_t dev, unsigned count)
{
    if (count == 0)
        return -EINVAL;
    for (cdev* other = cdevs; other; other = other->next)
        if (dev < other->dev + other->count && other->dev < dev + count)
            return -EBUSY;
    c->dev = dev;
    c->count = count;
    c->next = cdevs;
    cdevs = c;
    return 0;
}

extern "C" void cdev_del(struct cdev* c)
{
    for (cdev** p = &cdevs; *p; p = &(*p)->next) {
        if (*p == c) {
            *p = c->next;
            break;
        }
    }
    c->next = nullptr;
    if (c->allocated)
        kfree(c);
}

extern "C" int register_chrdev(unsigned int major, const char* name, const struct file_operations* fops)
{
    int error = 0;
    CharRegion* region = register_region(major, 0, 256, name, &error);
    if (!region)
        return error;
    cdev* c = cdev_alloc();
    if (!c) {
        kfree(unregister_region(region->major, 0, 256));
        return -ENOMEM;
    }
    c->ops = fops;
    error = cdev_add(c, MKDEV(region->major, 0), 256);
    if (error < 0) {
        cdev_del(c);
        kfree(unregister_region(region->major, 0, 256));
        return error;
    }
    region->owned_cdev = c;
    return major == 0 ? static_cast<int>(region->major) : 0;
}

extern "C" int unregister_chrdev(unsigned int major, const char*)
{
    CharRegion* region = unregister_region(major, 0, 256);
    if (!region)
        return -EINVAL;
    if (region->owned_cdev)
        cdev_del(region->owned_cdev);
    kfree(region);
    return 0;
}
