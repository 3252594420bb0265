// The mount table: mounting a file system on a directory, unmounting, and the
// lookups the path walk does to cross mount points.
#include "internal.h"
#include <linux/buffer_head.h>
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constinit libk::IntrusiveList<vfsmount, &vfsmount::node> mounts;
constinit vfsmount* root_mount = nullptr;

constexpr unsigned long MS_RDONLY = 1;
constexpr unsigned long MS_REMOUNT = 32;
constexpr unsigned long MS_BIND = 4096;
constexpr int MNT_FORCE = 1;
constexpr int MNT_DETACH = 2;

ErrorOr<vfsmount*> mount_fs(file_system_type* type, unsigned long flags, const char* dev_name, void* data)
{
    super_block* sb = nullptr;
    int error = type->get_sb(type, static_cast<int>(flags), dev_name, data, &sb);
    if (error < 0)
        return errno_error(error);
    auto* mnt = static_cast<vfsmount*>(kzalloc(sizeof(vfsmount), GFP_KERNEL));
    if (!mnt) {
        if (--sb->s_active == 0 && type->kill_sb)
            type->kill_sb(sb);
        return ENO(ENOMEM);
    }
    ++sb->s_active;
    mnt->mnt_sb = sb;
    mnt->mnt_root = sb->s_root;
    ihold(sb->s_root);
    mnt->mnt_count = 1;
    mnt->mnt_flags = flags & MS_RDONLY;
    libk::strlcpy(mnt->mnt_devname, dev_name ? dev_name : "none", sizeof(mnt->mnt_devname));
    return mnt;
}

void release_mount(vfsmount* mnt)
{
    iput(mnt->mnt_root);
    super_block* sb = mnt->mnt_sb;
    if (--sb->s_active == 0 && sb->s_type->kill_sb)
        sb->s_type->kill_sb(sb);
    kfree(mnt);
}

} // namespace

void mntput(vfsmount* mnt)
{
    if (mnt && --mnt->mnt_count == 0)
        release_mount(mnt);
}

vfsmount* lookup_mnt(vfsmount* parent, inode* mountpoint)
{
    vfsmount* found = nullptr;
    for (vfsmount& mnt : mounts)
        if (mnt.mnt_parent == parent && mnt.mnt_mountpoint == mountpoint && &mnt != parent)
            found = &mnt;   // the last one mounted hides the earlier ones
    return found;
}

Path root_path()
{
    return Path { root_mount, root_mount ? root_mount->mnt_root : nullptr };
}

vfsmount* kern_mount(const char* type_name, const char* dev_name)
{
    file_system_type* type = get_fs_type(type_name);
    if (!type)
        return nullptr;
    auto result = mount_fs(type, 0, dev_name, nullptr);
    if (result.is_error())
        return nullptr;
    vfsmount* mnt = result.value();
    if (!root_mount) {
        mnt->mnt_parent = mnt;
        mounts.push_back(*mnt);
        root_mount = mnt;
    }
    return mnt;
}

ErrorOr<void> do_mount(const char* dev_name, const char* dir, const char* type_name, unsigned long flags, void* data)
{
    if (current_fsuid() != 0 && current->cred.euid != 0)
        return ENO(EPERM);
    Path target = TRY(kern_path(dir, LOOKUP_FOLLOW));
    if (flags & (MS_REMOUNT | MS_BIND)) {
        path_put(target);
        return ENO(EINVAL);   // not supported yet
    }
    if (!S_ISDIR(target.node->i_mode)) {
        path_put(target);
        return ENO(ENOTDIR);
    }
    file_system_type* type = type_name ? get_fs_type(type_name) : nullptr;
    if (!type) {
        path_put(target);
        return ENO(ENODEV);
    }
    auto result = mount_fs(type, flags, dev_name, data);
    if (result.is_error()) {
        path_put(target);
        return result.error();
    }
    vfsmount* mnt = result.value();
    // The same super block already mounted right here (init mounting the /proc
    // the kernel mounted): EBUSY rather than a second copy on top, as Linux's
    // do_add_mount. Single-instance file systems (proc, devtmpfs) hit this.
    if (target.node == target.mnt->mnt_root && target.mnt->mnt_sb == mnt->mnt_sb) {
        mntput(mnt);
        path_put(target);
        return ENO(EBUSY);
    }
    // The new mount keeps the references of `target`: its parent mount and mount point.
    mnt->mnt_parent = target.mnt;
    mnt->mnt_mountpoint = target.node;
    mounts.push_back(*mnt);
    return {};
}

ErrorOr<void> do_umount(const char* dir, int flags)
{
    if (current_fsuid() != 0 && current->cred.euid != 0)
        return ENO(EPERM);
    if (flags & ~(MNT_FORCE | MNT_DETACH | 4 /* MNT_EXPIRE */ | 8 /* UMOUNT_NOFOLLOW */))
        return ENO(EINVAL);
    Path path = TRY(kern_path(dir, (flags & 8) ? 0 : LOOKUP_FOLLOW));
    vfsmount* mnt = path.mnt;
    bool is_root = path.node == mnt->mnt_root;
    path_put(path);
    if (!is_root)
        return ENO(EINVAL);
    if (mnt == root_mount)
        return ENO(EBUSY);
    for (vfsmount& child : mounts)
        if (child.mnt_parent == mnt)
            return ENO(EBUSY);
    if (mnt->mnt_count > 1 && !(flags & MNT_DETACH))
        return ENO(EBUSY);   // open files or a cwd inside
    mounts.remove(*mnt);
    vfsmount* parent = mnt->mnt_parent;
    inode* mountpoint = mnt->mnt_mountpoint;
    mnt->mnt_parent = mnt;
    mnt->mnt_mountpoint = nullptr;
    iput(mountpoint);
    mntput(parent);
    mntput(mnt);   // the table's reference; a lazy unmount goes when the last user does
    return {};
}

void for_each_mount(MountVisitor visitor, void* context)
{
    char* buffer = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!buffer)
        return;
    Path root = root_path();
    for (vfsmount& mnt : mounts) {
        Path at { &mnt, mnt.mnt_root };
        if (path_name(at, root, buffer, PATH_MAX).is_error())
            libk::strlcpy(buffer, "?", PATH_MAX);
        visitor(mnt.mnt_devname, buffer, mnt.mnt_sb->s_type->name, mnt.mnt_flags, context);
    }
    kfree(buffer);
}

void sync_filesystems()
{
    for (vfsmount& mnt : mounts) {
        super_block* sb = mnt.mnt_sb;
        if (sb->s_op && sb->s_op->sync_fs)
            sb->s_op->sync_fs(sb, 1);
        if (sb->s_bdev)
            sync_blockdev(sb->s_bdev);
    }
}
