// Linux's procfs API for modules and drivers (include/linux/proc_fs.h): entries
// with proc_ops (or file_operations), directories, symlinks, the 2.6
// create_proc_entry (an entry with the read_proc/write_proc proc_ops), removal.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/stat.h>

namespace {

// Linux's rule: no type means a regular file, no permission bits mean 0444.
umode_t file_mode(umode_t mode)
{
    if (!(mode & S_IFMT))
        mode |= S_IFREG;
    if (!(mode & 07777))
        mode |= 0444;
    return mode;
}

proc_dir_entry* register_new(const char* name, umode_t mode, proc_dir_entry* parent,
    const proc_ops* ops, const file_operations* fops, void* data)
{
    proc_dir_entry* entry = proc_alloc_entry(mode);
    if (!entry)
        return nullptr;
    entry->proc_ops = ops;
    entry->proc_fops = fops;
    entry->data = data;
    if (!proc_register(entry, name, parent)) {
        kfree(entry);
        return nullptr;
    }
    return entry;
}

// Built-in entries that must stay (PROC_ENTRY_PERMANENT); Linux warns and keeps them.
bool is_permanent(const proc_dir_entry* entry)
{
    if (!entry->proc_ops || !(entry->proc_ops->proc_flags & PROC_ENTRY_PERMANENT))
        return false;
    printk(KERN_WARNING "remove_proc_entry: removing permanent /proc entry '%s'\n", entry->name);
    return true;
}

} // namespace

extern "C" {

struct proc_dir_entry* proc_create_data(const char* name, umode_t mode, struct proc_dir_entry* parent,
    const struct proc_ops* proc_ops, void* data)
{
    mode = file_mode(mode);
    if (!S_ISREG(mode))
        return nullptr;   // directories and links have their own calls
    return register_new(name, mode, parent, proc_ops, nullptr, data);
}

struct proc_dir_entry* proc_create(const char* name, umode_t mode, struct proc_dir_entry* parent,
    const struct proc_ops* proc_ops)
{
    return proc_create_data(name, mode, parent, proc_ops, nullptr);
}

struct proc_dir_entry* __proc_create_fops_data(const char* name, umode_t mode, struct proc_dir_entry* parent,
    const struct file_operations* proc_fops, void* data)
{
    mode = file_mode(mode);
    if (!S_ISREG(mode))
        return nullptr;
    return register_new(name, mode, parent, nullptr, proc_fops, data);
}

struct proc_dir_entry* proc_mkdir_data(const char* name, umode_t mode, struct proc_dir_entry* parent, void* data)
{
    if (!(mode & 07777))
        mode |= 0555;
    return register_new(name, S_IFDIR | (mode & 07777), parent, nullptr, nullptr, data);
}

struct proc_dir_entry* proc_mkdir_mode(const char* name, umode_t mode, struct proc_dir_entry* parent)
{
    return proc_mkdir_data(name, mode, parent, nullptr);
}

struct proc_dir_entry* proc_mkdir(const char* name, struct proc_dir_entry* parent)
{
    return proc_mkdir_data(name, 0, parent, nullptr);
}

struct proc_dir_entry* proc_symlink(const char* name, struct proc_dir_entry* parent, const char* dest)
{
    if (!dest)
        return nullptr;
    size_t length = libk::strlen(dest) + 1;
    auto* target = static_cast<char*>(kmalloc(length, GFP_KERNEL));
    if (!target)
        return nullptr;
    libk::memcpy(target, dest, length);   // the caller's string may be freed after
    proc_dir_entry* entry = proc_alloc_entry(S_IFLNK | 0777);
    if (!entry) {
        kfree(target);
        return nullptr;
    }
    entry->link = target;
    entry->flags |= PDE_LINK_OWNED;
    entry->size = static_cast<loff_t>(length - 1);
    if (!proc_register(entry, name, parent)) {
        kfree(target);
        kfree(entry);
        return nullptr;
    }
    return entry;
}

struct proc_dir_entry* create_proc_entry(const char* name, umode_t mode, struct proc_dir_entry* parent)
{
    if (S_ISDIR(mode))
        return proc_mkdir_data(name, mode, parent, nullptr);
    // read_proc/write_proc (or proc_fops) are set by the caller afterwards; the
    // legacy proc_ops call whatever is there at the time of each read and write.
    return proc_create_data(name, mode, parent, &proc_legacy_ops, nullptr);
}

void remove_proc_entry(const char* name, struct proc_dir_entry* parent)
{
    proc_dir_entry* entry = proc_lookup_path(name, parent);
    if (!entry) {
        printk(KERN_WARNING "remove_proc_entry: removing non-existent /proc entry '%s/%s'\n",
            parent ? parent->name : "/proc", name ? name : "(null)");
        return;
    }
    if (!is_permanent(entry))
        proc_take_down(entry, false);
    pde_put(entry);   // proc_lookup_path's reference
}

int remove_proc_subtree(const char* name, struct proc_dir_entry* parent)
{
    proc_dir_entry* entry = proc_lookup_path(name, parent);
    if (!entry)
        return -ENOENT;
    if (!is_permanent(entry))
        proc_take_down(entry, true);
    pde_put(entry);
    return 0;
}

void proc_remove(struct proc_dir_entry* entry)
{
    if (entry && !is_permanent(entry))
        proc_take_down(entry, true);
}

void proc_set_size(struct proc_dir_entry* entry, loff_t size)
{
    entry->size = size;
}

void proc_set_user(struct proc_dir_entry* entry, kuid_t uid, kgid_t gid)
{
    entry->uid = __kuid_val(uid);
    entry->gid = __kgid_val(gid);
}

void* pde_data(const struct inode* inode)
{
    proc_dir_entry* entry = PDE(inode);
    return entry ? entry->data : nullptr;
}

void* PDE_DATA(const struct inode* inode)
{
    return pde_data(inode);
}

void* proc_get_parent_data(const struct inode* inode)
{
    proc_dir_entry* entry = PDE(inode);
    return entry && entry->parent ? entry->parent->data : nullptr;
}

EXPORT_SYMBOL(proc_create);
EXPORT_SYMBOL(proc_create_data);
EXPORT_SYMBOL(__proc_create_fops_data);
EXPORT_SYMBOL(proc_root);
EXPORT_SYMBOL(proc_mkdir);
EXPORT_SYMBOL(proc_mkdir_mode);
EXPORT_SYMBOL(proc_mkdir_data);
EXPORT_SYMBOL(proc_symlink);
EXPORT_SYMBOL(create_proc_entry);
EXPORT_SYMBOL(remove_proc_entry);
EXPORT_SYMBOL(remove_proc_subtree);
EXPORT_SYMBOL(proc_remove);
EXPORT_SYMBOL(proc_set_size);
EXPORT_SYMBOL(proc_set_user);
EXPORT_SYMBOL(pde_data);
EXPORT_SYMBOL(PDE_DATA);
EXPORT_SYMBOL(proc_get_parent_data);

} // extern "C"
