// mount, umount, umount2, sync, fsync, fdatasync.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <linux/buffer_head.h>

namespace {

// Copies an optional user string (device name, type) into `buffer`; nullptr if absent.
long copy_optional(const char __user* user, char* buffer, size_t size, const char** out)
{
    *out = nullptr;
    if (!user)
        return 0;
    long length = strncpy_from_user(buffer, user, static_cast<long>(size));
    if (length < 0)
        return length;
    *out = buffer;
    return 0;
}

} // namespace

extern "C" long sys_mount(const char __user* dev_name, const char __user* dir_name, const char __user* type,
    unsigned long flags, void __user* data)
{
    UserPath dir(dir_name);
    if (dir.error())
        return dir.error();
    char device[64], fs_type[32];
    const char* device_name = nullptr;
    const char* type_name = nullptr;
    if (long error = copy_optional(dev_name, device, sizeof(device), &device_name); error < 0)
        return error;
    if (long error = copy_optional(type, fs_type, sizeof(fs_type), &type_name); error < 0)
        return error;
    // MS_MGC_VAL in the top 16 bits is the old "new-style" marker: ignore it.
    if ((flags & 0xffff0000) == 0xc0ed0000)
        flags &= 0xffff;
    // The options (-o ...): a string of at most a page, as Linux's copy_mount_options
    // takes it; the file system parses it (9p: trans=virtio,version=9p2000.L,...).
    char* options = nullptr;
    if (data) {
        options = static_cast<char*>(kmalloc(4096, GFP_KERNEL));
        if (!options)
            return -ENOMEM;
        long length = strncpy_from_user(options, static_cast<const char __user*>(data), 4096);
        if (length < 0) {
            kfree(options);
            return length;
        }
        options[4095] = '\0';
    }
    long result = user_result(do_mount(device_name ? device_name : "none", dir.get(), type_name, flags, options));
    kfree(options);
    return result;
}

extern "C" long sys_umount(const char __user* name, int flags)
{
    UserPath path(name);
    if (path.error())
        return path.error();
    return user_result(do_umount(path.get(), flags));
}

extern "C" long sys_oldumount(const char __user* name)
{
    return sys_umount(name, 0);
}

// ramfs, procfs and devtmpfs have nothing to write back; the buffer cache has.
extern "C" long sys_sync()
{
    sync_filesystems();
    sync_buffers_all();   // block devices written through their files
    return 0;
}

extern "C" long sys_fsync(unsigned int fd)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result = -EINVAL;
    if (f->f_op && f->f_op->fsync)
        result = f->f_op->fsync(f, 0, MAX_LFS_FILESIZE, 0);
    fput(f);
    return result;
}

extern "C" long sys_fdatasync(unsigned int fd)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result = -EINVAL;
    if (f->f_op && f->f_op->fsync)
        result = f->f_op->fsync(f, 0, MAX_LFS_FILESIZE, 1);
    fput(f);
    return result;
}
