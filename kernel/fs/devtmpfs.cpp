// devtmpfs: one ramfs instance that drivers fill with device nodes from the
// moment they register (before it is mounted), mounted on /dev at boot.
#include "internal.h"
#include "ramfs/ramfs.h"
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constinit super_block* devtmpfs_sb = nullptr;

// The shared super block, made on first use (drivers register in initcalls, before vfs_init).
super_block* devtmpfs_super()
{
    if (devtmpfs_sb)
        return devtmpfs_sb;
    super_block* sb = alloc_anon_super(&devtmpfs_fs_type);
    if (!sb)
        return nullptr;
    if (ramfs_fill_root(sb) < 0) {
        free_super(sb);
        return nullptr;
    }
    sb->s_magic = 0x01021994;   // TMPFS_MAGIC, as devtmpfs reports
    sb->s_active = 1;           // the kernel's own reference: never killed
    devtmpfs_sb = sb;
    return sb;
}

int devtmpfs_get_sb(file_system_type*, int, const char*, void*, super_block** result)
{
    super_block* sb = devtmpfs_super();
    if (!sb)
        return -ENOMEM;
    *result = sb;
    return 0;
}

// Directory inode for the directories of `name` ("input/event0" -> input), made
// as needed; `last` is set to the final component. Referenced result.
int walk_to_parent(const char* name, const char** last, inode** result)
{
    super_block* sb = devtmpfs_super();
    if (!sb)
        return -ENOMEM;
    inode* dir = sb->s_root;
    ihold(dir);
    const char* p = name;
    for (;;) {
        while (*p == '/')
            ++p;
        const char* slash = libk::strchr(p, '/');
        if (!slash)
            break;
        unsigned length = static_cast<unsigned>(slash - p);
        inode* child = nullptr;
        if (dir->i_op->lookup(dir, p, length, &child) < 0) {
            int error = dir->i_op->mkdir(dir, p, length, 0755);
            if (error == 0)
                error = dir->i_op->lookup(dir, p, length, &child);
            if (error < 0) {
                iput(dir);
                return error;
            }
            child->i_uid = child->i_gid = 0;
        }
        iput(dir);
        if (!S_ISDIR(child->i_mode)) {
            iput(child);
            return -ENOTDIR;
        }
        dir = child;
        p = slash + 1;
    }
    if (!*p) {
        iput(dir);
        return -EINVAL;
    }
    *last = p;
    *result = dir;
    return 0;
}

} // namespace

file_system_type devtmpfs_fs_type = {
    .name = "devtmpfs",
    .fs_flags = 0,
    .get_sb = devtmpfs_get_sb,
    .kill_sb = nullptr,
    .owner = nullptr,
    .next = nullptr,
};

extern "C" int devtmpfs_create_node(const char* name, umode_t mode, dev_t dev)
{
    if (!S_ISCHR(mode) && !S_ISBLK(mode))
        return -EINVAL;
    if (!(mode & 07777))
        mode |= 0600;
    const char* last = nullptr;
    inode* dir = nullptr;
    if (int error = walk_to_parent(name, &last, &dir); error < 0)
        return error;
    unsigned length = static_cast<unsigned>(libk::strlen(last));
    inode* existing = nullptr;
    int error = 0;
    if (dir->i_op->lookup(dir, last, length, &existing) == 0) {
        iput(existing);
        error = -EEXIST;
    } else {
        error = dir->i_op->mknod(dir, last, length, mode, dev);
        if (error == 0 && dir->i_op->lookup(dir, last, length, &existing) == 0) {
            existing->i_uid = existing->i_gid = 0;   // nodes belong to root, whoever loads the driver
            iput(existing);
        }
    }
    iput(dir);
    return error;
}

extern "C" int devtmpfs_delete_node(const char* name)
{
    const char* last = nullptr;
    inode* dir = nullptr;
    if (int error = walk_to_parent(name, &last, &dir); error < 0)
        return error;
    int error = dir->i_op->unlink(dir, last, static_cast<unsigned>(libk::strlen(last)));
    iput(dir);
    return error;
}

int devtmpfs_mount_dev()
{
    auto made = do_mkdirat(-100, "/dev", 0755);
    if (made.is_error() && made.error().code() != EEXIST)
        return -made.error().code();
    auto mounted = do_mount("devtmpfs", "/dev", "devtmpfs", 0, nullptr);
    if (mounted.is_error()) {
        printk(KERN_ERR "devtmpfs: mounting on /dev failed: %d\n", -mounted.error().code());
        return -mounted.error().code();
    }
    printk(KERN_INFO "devtmpfs: mounted\n");
    return 0;
}
