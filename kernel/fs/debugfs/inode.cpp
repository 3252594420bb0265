// debugfs (Linux's fs/debugfs/inode.c): its own kernfs tree, mounted by user
// space at /sys/kernel/debug. The dentry a module gets back is its node's.
#include "debugfs.h"
#include <kernel/initcall.h>
#include <linux/debugfs.h>
#include <linux/export.h>
#include <linux/kobject.h>
#include <linux/stat.h>

namespace {

int debugfs_get_sb(file_system_type*, int, const char*, void*, super_block** result);

file_system_type debugfs_fs_type = {
    .name = "debugfs",
    .fs_flags = 0,
    .get_sb = debugfs_get_sb,
    .kill_sb = nullptr,
    .owner = nullptr,
    .next = nullptr,
};

constinit kernfs_root debugfs_tree = {};
constinit bool debugfs_registered = false;

// The tree, made on first use: modules make their files before anyone mounts it.
kernfs_node* debugfs_root()
{
    if (!debugfs_tree.type) {
        debugfs_tree.type = &debugfs_fs_type;
        debugfs_tree.magic = 0x64626720;   // DEBUGFS_MAGIC
    }
    // Linux makes the root 0700: only root looks inside.
    return kernfs_create_root(debugfs_tree, 0700) < 0 ? nullptr : debugfs_tree.root;
}

int debugfs_get_sb(file_system_type*, int, const char*, void*, super_block** result)
{
    if (!debugfs_root())
        return -ENOMEM;
    return kernfs_get_sb(debugfs_tree, result);
}

kernfs_node* parent_node(dentry* parent)
{
    if (IS_ERR(parent))
        return nullptr;
    return parent ? container_of(parent, kernfs_node, d) : debugfs_root();
}

dentry* dentry_of(kernfs_node* kn)
{
    return IS_ERR(kn) ? static_cast<dentry*>(static_cast<void*>(kn)) : &kn->d;
}

umode_t file_mode(umode_t mode)
{
    return static_cast<umode_t>(mode & 07777);
}

// /sys/kernel/debug to mount it on, as Linux's debugfs_init makes.
int debugfs_init()
{
    if (int error = sysfs_create_mount_point(kernel_kobj, "debug"); error < 0)
        return error;
    if (int error = register_filesystem(&debugfs_fs_type); error < 0)
        return error;
    debugfs_registered = true;
    return 0;
}
fs_initcall(debugfs_init);

// A module's fops file does nothing but open when it gave none.
const file_operations debugfs_noop_file_operations = {
    .owner = nullptr,
    .llseek = noop_llseek,
};

} // namespace

kernfs_node* debugfs_create_value(const char* name, umode_t mode, dentry* parent, void* value, const void* type)
{
    kernfs_node* dir = parent_node(parent);
    if (!dir)
        return static_cast<kernfs_node*>(ERR_PTR(-ENOENT));
    return kernfs_create_file(dir, name, file_mode(mode), &debugfs_value_fops, value, type);
}

extern "C" {

struct dentry* debugfs_create_dir(const char* name, struct dentry* parent)
{
    kernfs_node* dir = parent_node(parent);
    if (!dir)
        return static_cast<dentry*>(ERR_PTR(-ENOENT));
    kernfs_node* kn = kernfs_create_dir(dir, name, 0755, nullptr);
    if (IS_ERR(kn) && PTR_ERR(kn) == -EEXIST)
        printk(KERN_ERR "debugfs: Directory '%s' with parent '%s' already present!\n", name,
            parent ? dir->name : "/");
    return dentry_of(kn);
}
EXPORT_SYMBOL(debugfs_create_dir);

struct dentry* debugfs_create_file(const char* name, umode_t mode, struct dentry* parent, void* data,
    const struct file_operations* fops)
{
    kernfs_node* dir = parent_node(parent);
    if (!dir)
        return static_cast<dentry*>(ERR_PTR(-ENOENT));
    kernfs_node* kn = kernfs_create_file(dir, name, file_mode(mode), fops ? fops : &debugfs_noop_file_operations,
        nullptr, nullptr);
    if (IS_ERR(kn)) {
        if (PTR_ERR(kn) == -EEXIST)
            printk(KERN_ERR "debugfs: File '%s' in directory '%s' already present!\n", name,
                parent ? dir->name : "/");
        return dentry_of(kn);
    }
    kernfs_detach(kn, data);   // the driver's open finds its data in inode->i_private
    return &kn->d;
}
EXPORT_SYMBOL(debugfs_create_file);

struct dentry* debugfs_create_file_unsafe(const char* name, umode_t mode, struct dentry* parent, void* data,
    const struct file_operations* fops)
{
    return debugfs_create_file(name, mode, parent, data, fops);
}
EXPORT_SYMBOL(debugfs_create_file_unsafe);

struct dentry* debugfs_create_symlink(const char* name, struct dentry* parent, const char* dest)
{
    kernfs_node* dir = parent_node(parent);
    if (!dir)
        return static_cast<dentry*>(ERR_PTR(-ENOENT));
    return dentry_of(kernfs_create_link_text(dir, name, dest));
}
EXPORT_SYMBOL(debugfs_create_symlink);

void debugfs_remove(struct dentry* dentry)
{
    if (IS_ERR_OR_NULL(dentry))
        return;
    kernfs_remove(container_of(dentry, kernfs_node, d));
}
EXPORT_SYMBOL(debugfs_remove);

bool debugfs_initialized(void)
{
    return debugfs_registered;
}
EXPORT_SYMBOL(debugfs_initialized);

} // extern "C"
