// ramfs: the root file system, everything in kernel memory. Directories are
// lists of named entries; each entry holds a reference to its inode.
#include "ramfs.h"
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

RamfsDirent* find_entry(inode* dir, const char* name, unsigned length)
{
    for (RamfsDirent& entry : ramfs_info(dir)->entries)
        if (entry.length == length && libk::memcmp(entry.name, name, length) == 0)
            return &entry;
    return nullptr;
}

void touch(inode* dir)
{
    dir->i_mtime = dir->i_ctime = current_time(dir);
}

// Adds `node` under `name`, taking a new reference; grows i_nlink.
int add_entry(inode* dir, const char* name, unsigned length, inode* node)
{
    auto* entry = static_cast<RamfsDirent*>(kmalloc(sizeof(RamfsDirent) + length, GFP_KERNEL));
    if (!entry)
        return -ENOMEM;
    entry->node = node;
    entry->length = static_cast<uint16_t>(length);
    entry->link = {};
    libk::memcpy(entry->name, name, length);
    ihold(node);
    inc_nlink(node);
    ramfs_info(dir)->entries.push_back(*entry);
    if (S_ISDIR(node->i_mode)) {
        ramfs_info(node)->parent = dir;
        inc_nlink(dir);   // the child's ".."
    }
    touch(dir);
    return 0;
}

// Removes the entry; drops its reference and a link.
void remove_entry(inode* dir, RamfsDirent* entry)
{
    inode* node = entry->node;
    ramfs_info(dir)->entries.remove(*entry);
    kfree(entry);
    if (S_ISDIR(node->i_mode)) {
        drop_nlink(dir);
        clear_nlink(node);
        // A removed directory may still be someone's cwd or hold an open file's
        // name: its ".." must stay valid (Linux's dentry pins its parent).
        ihold(dir);
        ramfs_info(node)->holds_parent = true;
    } else {
        drop_nlink(node);
    }
    node->i_ctime = current_time(node);
    touch(dir);
    iput(node);
}

int make_node(inode* dir, const char* name, unsigned length, umode_t mode, dev_t dev, inode** result)
{
    inode* node = ramfs_get_inode(dir->i_sb, dir, mode, dev);
    if (!node)
        return -ENOMEM;
    int error = add_entry(dir, name, length, node);
    if (error < 0) {
        clear_nlink(node);
        iput(node);
        return error;
    }
    if (result)
        *result = node;   // our new_inode reference goes to the caller
    else
        iput(node);
    return 0;
}

int ramfs_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    if (length == 2 && name[0] == '.' && name[1] == '.') {
        *result = ramfs_info(dir)->parent;
        ihold(*result);
        return 0;
    }
    if (length == 1 && name[0] == '.') {
        *result = dir;
        ihold(dir);
        return 0;
    }
    RamfsDirent* entry = find_entry(dir, name, length);
    if (!entry)
        return -ENOENT;
    *result = entry->node;
    ihold(entry->node);
    return 0;
}

int ramfs_create(inode* dir, const char* name, unsigned length, umode_t mode, inode** result)
{
    return make_node(dir, name, length, (mode & 07777) | S_IFREG, 0, result);
}

int ramfs_mkdir(inode* dir, const char* name, unsigned length, umode_t mode)
{
    return make_node(dir, name, length, (mode & 07777) | S_IFDIR, 0, nullptr);
}

int ramfs_mknod(inode* dir, const char* name, unsigned length, umode_t mode, dev_t dev)
{
    return make_node(dir, name, length, mode, dev, nullptr);
}

int ramfs_symlink(inode* dir, const char* name, unsigned length, const char* target)
{
    size_t target_length = libk::strlen(target);
    char* copy = static_cast<char*>(kmalloc(target_length + 1, GFP_KERNEL));
    if (!copy)
        return -ENOMEM;
    libk::memcpy(copy, target, target_length + 1);
    inode* node = nullptr;
    int error = make_node(dir, name, length, S_IFLNK | 0777, 0, &node);
    if (error < 0) {
        kfree(copy);
        return error;
    }
    ramfs_info(node)->target = copy;
    node->i_size = static_cast<loff_t>(target_length);
    iput(node);
    return 0;
}

int ramfs_link(inode* old_inode, inode* dir, const char* name, unsigned length)
{
    int error = add_entry(dir, name, length, old_inode);
    if (error == 0)
        old_inode->i_ctime = current_time(old_inode);
    return error;
}

int ramfs_unlink(inode* dir, const char* name, unsigned length)
{
    RamfsDirent* entry = find_entry(dir, name, length);
    if (!entry)
        return -ENOENT;
    remove_entry(dir, entry);
    return 0;
}

int ramfs_rmdir(inode* dir, const char* name, unsigned length)
{
    RamfsDirent* entry = find_entry(dir, name, length);
    if (!entry)
        return -ENOENT;
    if (!S_ISDIR(entry->node->i_mode))
        return -ENOTDIR;
    if (!ramfs_info(entry->node)->entries.is_empty())
        return -ENOTEMPTY;
    remove_entry(dir, entry);
    return 0;
}

int ramfs_rename(inode* old_dir, const char* old_name, unsigned old_length, inode* new_dir, const char* new_name,
    unsigned new_length, unsigned flags)
{
    if (flags)
        return -EINVAL;
    RamfsDirent* entry = find_entry(old_dir, old_name, old_length);
    if (!entry)
        return -ENOENT;
    inode* node = entry->node;
    if (RamfsDirent* target = find_entry(new_dir, new_name, new_length)) {
        if (target->node == node)
            return 0;   // two links to the same inode: nothing to do
        if (S_ISDIR(target->node->i_mode) && !ramfs_info(target->node)->entries.is_empty())
            return -ENOTEMPTY;
        remove_entry(new_dir, target);
    }
    // Keep the inode alive and its link count unchanged across the move.
    ihold(node);
    unsigned links = node->i_nlink;
    int error = add_entry(new_dir, new_name, new_length, node);
    if (error < 0) {
        iput(node);
        return error;
    }
    if (S_ISDIR(node->i_mode))
        drop_nlink(old_dir);   // its ".." left old_dir; add_entry counted new_dir
    ramfs_info(old_dir)->entries.remove(*entry);
    kfree(entry);
    iput(node);   // the old entry's reference
    node->i_nlink = links;
    touch(old_dir);
    node->i_ctime = current_time(node);
    iput(node);
    return 0;
}

int ramfs_readlink(inode* node, char* buffer, int size)
{
    const char* target = ramfs_info(node)->target;
    if (!target)
        return -EINVAL;
    int length = static_cast<int>(libk::strlen(target));
    if (length > size)
        length = size;
    libk::memcpy(buffer, target, static_cast<size_t>(length));
    return length;
}

int ramfs_setattr(inode* node, iattr* attr)
{
    if (attr->ia_valid & ATTR_SIZE) {
        if (!S_ISREG(node->i_mode))
            return -EINVAL;
        int error = ramfs_resize(node, attr->ia_size);
        if (error < 0)
            return error;
    }
    setattr_copy(node, attr);
    return 0;
}

void ramfs_evict_inode(inode* node)
{
    RamfsInode* info = ramfs_info(node);
    if (!info)
        return;
    inode* parent = info->holds_parent ? info->parent : nullptr;
    ramfs_free_pages(node, info);
    kfree(info->target);
    kfree(info);
    node->i_private = nullptr;
    if (parent)
        iput(parent);
}

} // namespace

const inode_operations ramfs_dir_inode_operations = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .link = ramfs_link,
    .unlink = ramfs_unlink,
    .symlink = ramfs_symlink,
    .mkdir = ramfs_mkdir,
    .rmdir = ramfs_rmdir,
    .mknod = ramfs_mknod,
    .rename = ramfs_rename,
    .readlink = nullptr,
    .setattr = ramfs_setattr,
};

const inode_operations ramfs_file_inode_operations = {
    .setattr = ramfs_setattr,
    .get_file_page = ramfs_get_file_page,
};

const inode_operations ramfs_symlink_inode_operations = {
    .readlink = ramfs_readlink,
    .setattr = ramfs_setattr,
};

const super_operations ramfs_super_operations = {
    .evict_inode = ramfs_evict_inode,
};

inode* ramfs_get_inode(super_block* sb, const inode* dir, umode_t mode, dev_t dev)
{
    inode* node = new_inode(sb);
    if (!node)
        return nullptr;
    auto* info = static_cast<RamfsInode*>(kzalloc(sizeof(RamfsInode), GFP_KERNEL));
    if (!info) {
        clear_nlink(node);
        iput(node);
        return nullptr;
    }
    node->i_private = info;
    inode_init_owner(node, dir, mode);
    // Links are counted as entries are added (add_entry).
    node->i_nlink = 0;
    switch (mode & S_IFMT) {
    case S_IFREG:
        node->i_op = &ramfs_file_inode_operations;
        node->i_fop = &ramfs_file_operations;
        break;
    case S_IFDIR:
        node->i_op = &ramfs_dir_inode_operations;
        node->i_fop = &ramfs_dir_operations;
        node->i_nlink = 1;   // its own "."; the parent's entry adds one
        info->parent = node;
        break;
    case S_IFLNK:
        node->i_op = &ramfs_symlink_inode_operations;
        break;
    default:
        node->i_op = &ramfs_file_inode_operations;
        init_special_inode(node, node->i_mode, dev);
        break;
    }
    return node;
}

int ramfs_fill_root(super_block* sb)
{
    sb->s_magic = 0x858458f6;   // RAMFS_MAGIC
    sb->s_op = &ramfs_super_operations;
    inode* root = ramfs_get_inode(sb, nullptr, S_IFDIR | 0755, 0);
    if (!root)
        return -ENOMEM;
    root->i_nlink = 2;
    sb->s_root = root;
    return 0;
}

namespace {

int ramfs_get_sb(file_system_type* type, int, const char*, void*, super_block** result)
{
    super_block* sb = alloc_anon_super(type);
    if (!sb)
        return -ENOMEM;
    int error = ramfs_fill_root(sb);
    if (error < 0) {
        free_super(sb);
        return error;
    }
    *result = sb;
    return 0;
}

// Drops every entry below `dir`, depth first, so the inodes are freed.
void ramfs_clear(inode* dir)
{
    RamfsInode* info = ramfs_info(dir);
    while (RamfsDirent* entry = info->entries.front()) {
        if (S_ISDIR(entry->node->i_mode))
            ramfs_clear(entry->node);
        remove_entry(dir, entry);
    }
}

void ramfs_kill_sb(super_block* sb)
{
    ramfs_clear(sb->s_root);
    clear_nlink(sb->s_root);
    iput(sb->s_root);
    free_super(sb);
}

} // namespace

file_system_type ramfs_fs_type = {
    .name = "ramfs",
    .fs_flags = 0,
    .get_sb = ramfs_get_sb,
    .kill_sb = ramfs_kill_sb,
    .owner = nullptr,
    .next = nullptr,
};

// tmpfs is ramfs here (no swap, no size limit), under the name scripts use.
file_system_type tmpfs_fs_type = {
    .name = "tmpfs",
    .fs_flags = 0,
    .get_sb = ramfs_get_sb,
    .kill_sb = ramfs_kill_sb,
    .owner = nullptr,
    .next = nullptr,
};
