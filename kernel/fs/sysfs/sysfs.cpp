// sysfs: the kernfs tree mounted at /sys. A kobject's directory is a node
// whose priv is the kobject; an attribute file's priv is the attribute, and
// its ops the kobject type's sysfs_ops. Reading calls show() into a page,
// writing calls store() with what was written (Linux's fs/sysfs/file.c).
#include "kernfs.h"
#include <kernel/sysfs.h>
#include <kernel/initcall.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/kobject.h>
#include <linux/stat.h>
#include <linux/uaccess.h>

namespace {

constexpr size_t page_size = 4096;

int sysfs_fill_super(file_system_type*, int, const char*, void*, super_block** result);

constinit kernfs_root sysfs_root_tree = {};

// One open attribute file: the page show() filled, and how much it wrote.
struct SysfsOpen {
    char* page;
    size_t length;
    bool filled;
};

struct AttributeCall {
    kernfs_node* kn;
    kobject* kobj;
    attribute* attr;
    const sysfs_ops* ops;
};

AttributeCall call_of(file* f)
{
    kernfs_node* kn = kernfs_node_of(file_inode(f));
    return { kn, static_cast<kobject*>(kn->parent->priv), static_cast<attribute*>(kn->priv),
        static_cast<const sysfs_ops*>(kn->ops) };
}

// Like Linux's kernfs_fop_open: reading needs a read bit and a show(), writing
// a write bit and a store(); root is refused too.
int sysfs_open(inode* node, file* f)
{
    AttributeCall call = call_of(f);
    if (!kernfs_get_active(call.kn))
        return -ENODEV;
    int error = 0;
    if ((f->f_mode & FMODE_READ) && (!(node->i_mode & S_IRUGO) || !call.ops || !call.ops->show))
        error = -EACCES;
    if ((f->f_mode & FMODE_WRITE) && (!(node->i_mode & S_IWUGO) || !call.ops || !call.ops->store))
        error = -EACCES;
    kernfs_put_active(call.kn);
    if (error)
        return error;
    auto* open = static_cast<SysfsOpen*>(kzalloc(sizeof(SysfsOpen), GFP_KERNEL));
    if (open)
        open->page = reinterpret_cast<char*>(get_zeroed_page(GFP_KERNEL));
    if (!open || !open->page) {
        kfree(open);
        return -ENOMEM;
    }
    f->private_data = open;
    return 0;
}

int sysfs_release(inode*, file* f)
{
    auto* open = static_cast<SysfsOpen*>(f->private_data);
    free_page(reinterpret_cast<unsigned long>(open->page));
    kfree(open);
    return 0;
}

// show() runs when a read starts at offset 0 (or the first time), as
// seq_file's single_open does for Linux: `cat` twice sees fresh values.
ssize_t sysfs_read(file* f, char __user* out, size_t count, loff_t* pos)
{
    auto* open = static_cast<SysfsOpen*>(f->private_data);
    if (*pos == 0 || !open->filled) {
        AttributeCall call = call_of(f);
        if (!kernfs_get_active(call.kn))
            return -ENODEV;
        libk::memset(open->page, 0, page_size);
        ssize_t length = call.ops->show(call.kobj, call.attr, open->page);
        kernfs_put_active(call.kn);
        if (length < 0)
            return length;
        if (static_cast<size_t>(length) >= page_size) {
            printk(KERN_WARNING "fill_read_buffer: %pS returned bad count\n", call.ops->show);
            length = page_size - 1;
        }
        open->length = static_cast<size_t>(length);
        open->filled = true;
    }
    return simple_read_from_buffer(out, count, pos, open->page, open->length);
}

// At most a page less one byte, NUL-terminated, goes to store() in one call.
ssize_t sysfs_write(file* f, const char __user* in, size_t count, loff_t* pos)
{
    auto* open = static_cast<SysfsOpen*>(f->private_data);
    if (count >= page_size)
        count = page_size - 1;
    if (count == 0)
        return 0;
    if (copy_from_user(open->page, in, count))
        return -EFAULT;
    open->page[count] = '\0';
    open->filled = false;   // the next read shows the new value
    AttributeCall call = call_of(f);
    if (!kernfs_get_active(call.kn))
        return -ENODEV;
    ssize_t result = call.ops->store(call.kobj, call.attr, open->page, count);
    kernfs_put_active(call.kn);
    if (result > 0)
        *pos += result;
    return result;
}

loff_t sysfs_llseek(file* f, loff_t offset, int whence)
{
    return fixed_size_llseek(f, offset, whence, page_size);
}

const file_operations sysfs_file_operations = {
    .owner = nullptr,
    .llseek = sysfs_llseek,
    .read = sysfs_read,
    .write = sysfs_write,
    .open = sysfs_open,
    .release = sysfs_release,
};

int sysfs_fill_super(file_system_type*, int, const char*, void*, super_block** result)
{
    return kernfs_get_sb(sysfs_root_tree, result);
}

file_system_type sysfs_fs_type = {
    .name = "sysfs",
    .fs_flags = 0,
    .get_sb = sysfs_fill_super,
    .kill_sb = nullptr,
    .owner = nullptr,
    .next = nullptr,
};

kernfs_node* dir_of(kobject* kobj)
{
    return kobj ? kobj->sd : sysfs_root();
}

int error_of(kernfs_node* kn)
{
    return IS_ERR(kn) ? static_cast<int>(PTR_ERR(kn)) : 0;
}

umode_t file_mode(const attribute* attr)
{
    return static_cast<umode_t>(attr->mode & (S_IRWXU | S_IRWXG | S_IRWXO));
}

int create_file_in(kernfs_node* dir, kobject* kobj, const attribute* attr, umode_t mode)
{
    if (!dir || !attr || !attr->name)
        return -EINVAL;
    const sysfs_ops* ops = kobj->ktype ? kobj->ktype->sysfs_ops : nullptr;
    kernfs_node* kn = kernfs_create_file(dir, attr->name, mode, &sysfs_file_operations,
        const_cast<attribute*>(attr), ops);
    if (int error = error_of(kn)) {
        if (error == -EEXIST)
            printk(KERN_WARNING "sysfs: cannot create duplicate filename '%s'\n", attr->name);
        return error;
    }
    return 0;
}

int sysfs_init()
{
    if (int error = sysfs_root_init(); error < 0)
        return error;
    return register_filesystem(&sysfs_fs_type);
}
fs_initcall(sysfs_init);

} // namespace

int sysfs_root_init()
{
    if (!sysfs_root_tree.type) {
        sysfs_root_tree.type = &sysfs_fs_type;
        sysfs_root_tree.magic = 0x62656572;   // SYSFS_MAGIC
    }
    return kernfs_create_root(sysfs_root_tree, 0755);
}

kernfs_node* sysfs_root()
{
    return sysfs_root_init() < 0 ? nullptr : sysfs_root_tree.root;
}

int sysfs_create_dir(kobject* kobj)
{
    kernfs_node* parent = dir_of(kobj->parent);
    if (!parent)
        return -ENOENT;
    kernfs_node* kn = kernfs_create_dir(parent, kobj->name, 0755, kobj);
    if (int error = error_of(kn)) {
        if (error == -EEXIST)
            printk(KERN_WARNING "sysfs: cannot create duplicate directory '%s'\n", kobj->name);
        return error;
    }
    kobj->sd = kn;
    return 0;
}

void sysfs_remove_dir(kobject* kobj)
{
    kernfs_node* kn = kobj->sd;
    kobj->sd = nullptr;
    kernfs_remove(kn);
}

extern "C" {

int sysfs_create_file(struct kobject* kobj, const struct attribute* attr)
{
    if (!kobj || !kobj->sd)
        return -EINVAL;
    return create_file_in(kobj->sd, kobj, attr, file_mode(attr));
}
EXPORT_SYMBOL(sysfs_create_file);

void sysfs_remove_file(struct kobject* kobj, const struct attribute* attr)
{
    if (kobj && kobj->sd && attr && attr->name)
        kernfs_remove_by_name(kobj->sd, attr->name);
}
EXPORT_SYMBOL(sysfs_remove_file);

int sysfs_create_files(struct kobject* kobj, const struct attribute* const* attrs)
{
    for (size_t i = 0; attrs && attrs[i]; ++i) {
        if (int error = sysfs_create_file(kobj, attrs[i])) {
            while (i-- > 0)
                sysfs_remove_file(kobj, attrs[i]);
            return error;
        }
    }
    return 0;
}
EXPORT_SYMBOL(sysfs_create_files);

void sysfs_remove_files(struct kobject* kobj, const struct attribute* const* attrs)
{
    for (size_t i = 0; attrs && attrs[i]; ++i)
        sysfs_remove_file(kobj, attrs[i]);
}
EXPORT_SYMBOL(sysfs_remove_files);

int sysfs_chmod_file(struct kobject* kobj, const struct attribute* attr, umode_t mode)
{
    kernfs_node* kn = kobj ? kernfs_find_and_get(kobj->sd, attr->name) : nullptr;
    if (!kn)
        return -ENOENT;
    kn->mode = static_cast<umode_t>((kn->mode & S_IFMT) | (mode & 07777));
    kn->node->i_mode = kn->mode;
    kernfs_put(kn);
    return 0;
}
EXPORT_SYMBOL(sysfs_chmod_file);

// A named group is a subdirectory (whose files still belong to kobj).
int sysfs_create_group(struct kobject* kobj, const struct attribute_group* grp)
{
    if (!kobj || !kobj->sd || !grp)
        return -EINVAL;
    kernfs_node* dir = kobj->sd;
    if (grp->name) {
        dir = kernfs_create_dir(kobj->sd, grp->name, 0755, kobj);
        if (int error = error_of(dir))
            return error;
    }
    int error = 0;
    for (int i = 0; grp->attrs && grp->attrs[i]; ++i) {
        attribute* attr = grp->attrs[i];
        umode_t mode = file_mode(attr);
        if (grp->is_visible) {
            mode = grp->is_visible(kobj, attr, i);
            if (!mode)
                continue;
        }
        if ((error = create_file_in(dir, kobj, attr, static_cast<umode_t>(mode & 0777))))
            break;
    }
    if (error) {
        if (grp->name)
            kernfs_remove(dir);
        else
            for (int i = 0; grp->attrs[i]; ++i)
                kernfs_remove_by_name(dir, grp->attrs[i]->name);
    }
    return error;
}
EXPORT_SYMBOL(sysfs_create_group);

void sysfs_remove_group(struct kobject* kobj, const struct attribute_group* grp)
{
    if (!kobj || !kobj->sd || !grp)
        return;
    if (grp->name) {
        kernfs_remove_by_name(kobj->sd, grp->name);
        return;
    }
    for (int i = 0; grp->attrs && grp->attrs[i]; ++i)
        kernfs_remove_by_name(kobj->sd, grp->attrs[i]->name);
}
EXPORT_SYMBOL(sysfs_remove_group);

int sysfs_create_groups(struct kobject* kobj, const struct attribute_group** groups)
{
    for (size_t i = 0; groups && groups[i]; ++i) {
        if (int error = sysfs_create_group(kobj, groups[i])) {
            while (i-- > 0)
                sysfs_remove_group(kobj, groups[i]);
            return error;
        }
    }
    return 0;
}
EXPORT_SYMBOL(sysfs_create_groups);

void sysfs_remove_groups(struct kobject* kobj, const struct attribute_group** groups)
{
    for (size_t i = 0; groups && groups[i]; ++i)
        sysfs_remove_group(kobj, groups[i]);
}
EXPORT_SYMBOL(sysfs_remove_groups);

int sysfs_create_link(struct kobject* kobj, struct kobject* target, const char* name)
{
    kernfs_node* dir = dir_of(kobj);
    if (!dir || !target || !target->sd || !name)
        return -EINVAL;
    kernfs_node* kn = kernfs_create_link(dir, name, target->sd);
    if (int error = error_of(kn)) {
        if (error == -EEXIST)
            printk(KERN_WARNING "sysfs: cannot create duplicate filename '%s'\n", name);
        return error;
    }
    return 0;
}
EXPORT_SYMBOL(sysfs_create_link);

void sysfs_remove_link(struct kobject* kobj, const char* name)
{
    if (kernfs_node* dir = dir_of(kobj))
        kernfs_remove_by_name(dir, name);
}
EXPORT_SYMBOL(sysfs_remove_link);

int sysfs_create_mount_point(struct kobject* parent, const char* name)
{
    kernfs_node* dir = dir_of(parent);
    if (!dir)
        return -ENOENT;
    return error_of(kernfs_create_dir(dir, name, 0755, nullptr));
}
EXPORT_SYMBOL(sysfs_create_mount_point);

void sysfs_remove_mount_point(struct kobject* parent, const char* name)
{
    if (kernfs_node* dir = dir_of(parent))
        kernfs_remove_by_name(dir, name);
}
EXPORT_SYMBOL(sysfs_remove_mount_point);

int sysfs_emit(char* buf, const char* fmt, ...)
{
    size_t offset = reinterpret_cast<uintptr_t>(buf) & (page_size - 1);
    if (!buf || offset) {
        printk(KERN_WARNING "invalid sysfs_emit: buf:%p\n", buf);
        return 0;
    }
    va_list args;
    va_start(args, fmt);
    int length = libk::vscnprintf(buf, page_size, fmt, args);
    va_end(args);
    return length;
}
EXPORT_SYMBOL(sysfs_emit);

int sysfs_emit_at(char* buf, int at, const char* fmt, ...)
{
    size_t offset = reinterpret_cast<uintptr_t>(buf) & (page_size - 1);
    if (!buf || offset || at < 0 || static_cast<size_t>(at) >= page_size) {
        printk(KERN_WARNING "invalid sysfs_emit_at: buf:%p at:%d\n", buf, at);
        return 0;
    }
    va_list args;
    va_start(args, fmt);
    int length = libk::vscnprintf(buf + at, page_size - static_cast<size_t>(at), fmt, args);
    va_end(args);
    return length;
}
EXPORT_SYMBOL(sysfs_emit_at);

} // extern "C"
