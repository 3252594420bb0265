// debugfs internals shared by its tree (inode.cpp) and its files (file.cpp).
#pragma once

#include "../sysfs/kernfs.h"

// The files debugfs_create_u32() and friends make: the node's priv is the
// variable, its ops the ValueType saying how to show and set it.
extern const file_operations debugfs_value_fops;
kernfs_node* debugfs_create_value(const char* name, umode_t mode, dentry* parent, void* value, const void* type);
