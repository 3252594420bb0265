// sysfs inside the kernel: what kobjects, the module loader and the device
// model use beyond include/linux/sysfs.h (kernel/fs/sysfs/).
#pragma once

struct kobject;
struct kernfs_node;

// Makes the sysfs tree (idempotent: built-in drivers may come first); 0 or -errno.
int sysfs_root_init();
// The directory /sys, or nullptr without memory.
kernfs_node* sysfs_root();
// A kobject's directory under its parent's (/sys without one); sets kobj->sd.
int sysfs_create_dir(kobject* kobj);
// Removes the kobject's directory and everything in it.
void sysfs_remove_dir(kobject* kobj);
