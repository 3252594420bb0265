// kernfs: the in-memory tree behind sysfs and debugfs (Linux's fs/kernfs).
// Each node is a directory, a file or a symlink and owns one inode, made with
// the node, so the VFS sees an ordinary tree. The tree holds the inode until
// the node is removed; a child holds its parent's inode, so ".." of a removed
// directory still works. A file's calls into a driver (show/store, a
// module's fops) are counted as "active" so that removal can wait for them
// and later calls fail with -ENODEV instead of entering an unloaded module.
#pragma once

#include "../internal.h"
#include <kernel/spinlock.h>

struct kernfs_node;

// One tree: a file system type with a single super block shared by its mounts.
struct kernfs_root {
    file_system_type* type;
    unsigned long magic;
    super_block* sb;
    kernfs_node* root;
};

// kernfs_node::flags
constexpr unsigned KERNFS_REMOVED = 1;    // out of the tree: no lookups, no new active calls
constexpr unsigned KERNFS_DETACHED = 2;   // the inode's i_private is not this node (debugfs fops files)

struct kernfs_node {
    dentry d;                   // d_name and d_inode: what debugfs hands to modules
    kernfs_node* parent;
    kernfs_node* first_child;
    kernfs_node* next_sibling;
    kernfs_node* next_removed;  // the removal's chain
    kernfs_root* root;
    char* name;                 // owned
    umode_t mode;
    unsigned flags;
    int active;                 // calls into the driver running now
    inode* node;                // the node's inode (d.d_inode)
    void* priv;                 // a directory's kobject, a sysfs file's attribute, ...
    const void* ops;            // what the file system's fops dispatch through
    char* link_target;          // symlinks: the relative path (owned)
};

// Guards the tree links, `flags` and `active`. Never held across a call into
// a driver, an allocation or a user copy.
extern SpinLock kernfs_lock;

// Makes the tree's root directory (mode 0755) and super block; 0 or -errno.
int kernfs_create_root(kernfs_root& root, umode_t mode);
// Gives the mount the tree's shared super block (a file system's get_sb).
int kernfs_get_sb(kernfs_root& root, super_block** result);

// New entries below `parent`, or ERR_PTR(-EEXIST/-ENOMEM/-ENOENT). `fops` is the
// file's i_fop; `priv` and `ops` are the file system's, kept in the node.
kernfs_node* kernfs_create_dir(kernfs_node* parent, const char* name, umode_t mode, void* priv);
kernfs_node* kernfs_create_file(kernfs_node* parent, const char* name, umode_t mode, const file_operations* fops,
    void* priv, const void* ops);
// A symlink to `target` (in the same tree), its text the relative path to it.
kernfs_node* kernfs_create_link(kernfs_node* parent, const char* name, kernfs_node* target);
// A symlink with the given text.
kernfs_node* kernfs_create_link_text(kernfs_node* parent, const char* name, const char* text);

// The live child `name` of `parent`, with a reference (kernfs_put), or nullptr.
kernfs_node* kernfs_find_and_get(kernfs_node* parent, const char* name);
void kernfs_get(kernfs_node* kn);
void kernfs_put(kernfs_node* kn);

// Removes `kn` and everything below it, waiting for their running calls.
void kernfs_remove(kernfs_node* kn);
// Removes the child `name` of `parent`; 0 or -ENOENT.
int kernfs_remove_by_name(kernfs_node* parent, const char* name);

// Enters a call into the node's driver; false once it is removed.
bool kernfs_get_active(kernfs_node* kn);
void kernfs_put_active(kernfs_node* kn);

// The node's path from its tree's root ("/class/mychar"); its length or -ENAMETOOLONG.
int kernfs_path(const kernfs_node* kn, char* buffer, size_t size);

// Makes the file's inode->i_private `i_private` (a debugfs file's data, for the
// driver's fops); the node is then freed at removal, the inode when closed.
void kernfs_detach(kernfs_node* kn, void* i_private);

// The node behind an inode of a kernfs tree (nullptr for a detached file).
kernfs_node* kernfs_node_of(const inode* node);
