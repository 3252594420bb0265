// Bringing the VFS up at boot: the built-in file systems, the root ramfs, and
// the console descriptors of the first process.
#include "internal.h"
#include <linux/fcntl.h>

void vfs_init()
{
    register_filesystem(&ramfs_fs_type);
    register_filesystem(&tmpfs_fs_type);
    register_filesystem(&devtmpfs_fs_type);
    register_filesystem(&proc_fs_type);
    if (!kern_mount("ramfs", "rootfs"))
        panic("VFS: cannot mount the root ramfs");
    // kernel_init becomes pid 1's process: give it a root and cwd, and an fd table.
    if (!current->fs)
        current->fs = fs_alloc_root();
    if (!current->files)
        current->files = files_alloc();
    printk(KERN_INFO "VFS: mounted root (ramfs filesystem)\n");
}

int console_on_rootfs()
{
    if (!current->files && !(current->files = files_alloc()))
        return -ENOMEM;
    auto opened = filp_open("/dev/console", O_RDWR, 0);
    if (opened.is_error()) {
        printk(KERN_WARNING "Warning: unable to open an initial console.\n");
        return -opened.error().code();
    }
    file* console = opened.value();
    for (int i = 0; i < 3; ++i) {
        int fd = fd_install_new(current->files, i == 0 ? console : get_file(console), false);
        if (fd < 0)
            return fd;
    }
    return 0;
}
