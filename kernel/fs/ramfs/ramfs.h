// ramfs's in-memory inode data: directory entries, file contents, link targets.
#pragma once

#include "../internal.h"

struct RamfsDirent {
    inode* node;            // holds one reference
    uint16_t length;
    libk::ListNode link;
    char name[];            // not NUL-terminated
};

struct RamfsInode {
    // directories
    libk::IntrusiveList<RamfsDirent, &RamfsDirent::link> entries;
    inode* parent;          // ".." (not referenced while linked: a non-empty directory stays)
    bool holds_parent;      // removed: `parent` is referenced until this inode goes
    // regular files: one page per 4 KiB of the file, nullptr for a hole
    char** pages;
    size_t page_slots;      // entries in `pages`
    size_t pages_used;      // pages allocated (st_blocks)
    // symlinks
    char* target;
};

inline RamfsInode* ramfs_info(inode* node) { return static_cast<RamfsInode*>(node->i_private); }

extern const file_operations ramfs_file_operations;
extern const file_operations ramfs_dir_operations;
extern const inode_operations ramfs_dir_inode_operations;
extern const inode_operations ramfs_file_inode_operations;
extern const inode_operations ramfs_symlink_inode_operations;
extern const super_operations ramfs_super_operations;

// A new ramfs inode of `mode` under `dir` (nullptr for the root).
inode* ramfs_get_inode(super_block* sb, const inode* dir, umode_t mode, dev_t dev);
// Changes a file's size: growing leaves a hole, shrinking frees the pages past the end.
int ramfs_resize(inode* node, loff_t size);
// Frees every page of a regular file (eviction).
void ramfs_free_pages(inode* node, RamfsInode* info);
// inode_operations::get_file_page: the file's page at `index`, referenced.
void* ramfs_get_file_page(inode* node, unsigned long index);
