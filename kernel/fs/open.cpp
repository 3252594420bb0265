// Opening files: open(2)'s flags (O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY,
// O_NOFOLLOW ...), permission checks, and the life of a struct file.
#include "internal.h"
#include <linux/module.h>
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

file* alloc_file()
{
    auto* f = static_cast<file*>(kzalloc(sizeof(file), GFP_KERNEL));
    if (f)
        f->f_count = 1;
    return f;
}

extern "C" void fput(struct file* f)
{
    if (!f || --f->f_count > 0)
        return;
    if (f->f_op && f->f_op->release)
        f->f_op->release(f->f_inode, f);
    if (f->f_op)
        module_put(f->f_op->owner);   // taken when a driver's fops were installed
    iput(f->f_inode);
    mntput(f->f_vfsmnt);
    file_name_put(f->f_name);
    kfree(f);
}

namespace {

fmode_t open_fmode(int flags)
{
    fmode_t mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
    switch (flags & O_ACCMODE) {
    case O_RDONLY: mode |= FMODE_READ; break;
    case O_WRONLY: mode |= FMODE_WRITE; break;
    case O_RDWR: mode |= FMODE_READ | FMODE_WRITE; break;
    default: break;   // 3: Linux's "ioctl only" mode
    }
    return mode;
}

int acc_mode(int flags)
{
    int mask = 0;
    switch (flags & O_ACCMODE) {
    case O_RDONLY: mask = MAY_READ; break;
    case O_WRONLY: mask = MAY_WRITE; break;
    default: mask = MAY_READ | MAY_WRITE; break;
    }
    if (flags & O_TRUNC)
        mask |= MAY_WRITE;
    return mask;
}

// Checks an existing inode against the open flags.
ErrorOr<void> may_open(const Path& path, int flags)
{
    inode* node = path.node;
    if (S_ISLNK(node->i_mode))
        return ENO(ELOOP);   // only reached with O_NOFOLLOW
    if ((flags & O_DIRECTORY) && !S_ISDIR(node->i_mode))
        return ENO(ENOTDIR);
    if (S_ISDIR(node->i_mode) && (acc_mode(flags) & MAY_WRITE))
        return ENO(EISDIR);
    if (int error = inode_permission(node, acc_mode(flags)); error < 0)
        return errno_error(error);
    if ((acc_mode(flags) & MAY_WRITE) && path.mnt && (path.mnt->mnt_flags & 1 /* MS_RDONLY */)   // pipes: no mount
        && (S_ISREG(node->i_mode) || S_ISDIR(node->i_mode)))
        return ENO(EROFS);
    return {};
}

// O_CREAT: the last component of `name` in its parent, created if missing.
// Returns whether it was created (then no permission check on open, as Linux).
ErrorOr<Path> open_create(int dfd, const char* name, int flags, umode_t mode, bool& created, LastComponent& last)
{
    ParentPath parent = TRY(path_lookup_parent(dfd, name));
    Path& dir = parent.dir;
    if (parent.last_length == 0 || parent.trailing_slash
        || (parent.last_length == 1 && parent.last[0] == '.')
        || (parent.last_length == 2 && parent.last[0] == '.' && parent.last[1] == '.')) {
        path_put(dir);
        return ENO(EISDIR);
    }
    auto existing = lookup_one(dir.node, parent.last, parent.last_length);
    if (!existing.is_error()) {
        Path found { mntget(dir.mnt), existing.value() };
        if (flags & O_EXCL) {
            path_put(found);
            path_put(dir);
            return ENO(EEXIST);
        }
        if (S_ISLNK(found.node->i_mode) && !(flags & O_NOFOLLOW)) {
            // Follow it as a normal walk from the directory.
            path_put(found);
            path_put(dir);
            return path_lookup_last(dfd, name, LOOKUP_FOLLOW, last);
        }
        while (vfsmount* mounted = lookup_mnt(found.mnt, found.node)) {
            Path next = path_get(Path { mounted, mounted->mnt_root });
            path_put(found);
            found = next;
        }
        if (!S_ISDIR(found.node->i_mode))
            last_component_set(last, dir, parent.last, parent.last_length);
        path_put(dir);
        return found;
    }
    if (existing.error().code() != ENOENT) {
        path_put(dir);
        return existing.error();
    }
    if (int error = inode_permission(dir.node, MAY_WRITE | MAY_EXEC); error < 0) {
        path_put(dir);
        return errno_error(error);
    }
    if (!dir.node->i_op || !dir.node->i_op->create) {
        path_put(dir);
        return ENO(EACCES);
    }
    inode* node = nullptr;
    umode_t create_mode = S_IFREG | (mode & 07777 & ~current_umask());
    int error = dir.node->i_op->create(dir.node, parent.last, static_cast<unsigned>(parent.last_length),
        create_mode, &node);
    if (error < 0) {
        path_put(dir);
        return errno_error(error);
    }
    created = true;
    Path result { mntget(dir.mnt), node };
    last_component_set(last, dir, parent.last, parent.last_length);
    path_put(dir);
    return result;
}

// Opens what do_open found (its reference consumed): the checks, O_TRUNC, the file.
ErrorOr<file*> open_found(Path path, int flags, bool created)
{
    if (!created) {
        auto check = may_open(path, flags);
        if (check.is_error()) {
            path_put(path);
            return check.error();
        }
    }
    if ((flags & O_TRUNC) && S_ISREG(path.node->i_mode) && !created) {
        iattr attr {};
        attr.ia_valid = ATTR_SIZE;
        attr.ia_size = 0;
        auto truncated = notify_change(path.node, &attr);
        if (truncated.is_error()) {
            path_put(path);
            return truncated.error();
        }
    }
    auto result = dentry_open(path, flags);
    path_put(path);
    return result;
}

ErrorOr<file*> do_open(int dfd, const char* name, int flags, umode_t mode)
{
    bool created = false;
    // Where the file was found, kept by the open file for /proc/PID/fd/N.
    auto* last = static_cast<LastComponent*>(kmalloc(sizeof(LastComponent), GFP_KERNEL));
    if (!last)
        return ENO(ENOMEM);
    last->dir = Path {};
    auto found = (flags & O_CREAT) ? open_create(dfd, name, flags, mode, created, *last)
                                   : path_lookup_last(dfd, name, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, *last);
    ErrorOr<file*> result = ENO(EINVAL);
    if (found.is_error()) {
        result = found.error();
    } else {
        result = open_found(found.value(), flags, created);
        if (!result.is_error()) {
            file* f = result.value();
            f->f_name = file_name_from(*last);
            if (f->f_name) {
                f->f_name->entry.d_inode = f->f_inode;
                f->f_path = { f->f_vfsmnt, &f->f_name->entry };
            }
        }
    }
    last_component_put(*last);
    kfree(last);
    return result;
}

} // namespace

ErrorOr<file*> dentry_open(const Path& path, int flags)
{
    file* f = alloc_file();
    if (!f)
        return ENO(ENOMEM);
    f->f_vfsmnt = mntget(path.mnt);
    f->f_inode = path.node;
    ihold(path.node);
    f->f_op = path.node->i_fop;
    if (f->f_op && !try_module_get(f->f_op->owner)) {
        f->f_op = nullptr;
        fput(f);
        return ENO(ENODEV);
    }
    f->f_flags = static_cast<unsigned>(flags) & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
    f->f_mode = open_fmode(flags);
    if (f->f_op && f->f_op->open) {
        int error = f->f_op->open(path.node, f);
        if (error < 0) {
            if (f->f_op)
                module_put(f->f_op->owner);
            f->f_op = nullptr;   // no release for a failed open
            fput(f);
            return errno_error(error);
        }
    }
    return f;
}

ErrorOr<file*> do_filp_open(int dfd, const char* name, int flags, umode_t mode)
{
    return do_open(dfd, name, flags, mode);
}

ErrorOr<file*> filp_open(const char* name, int flags, umode_t mode)
{
    return do_open(AT_FDCWD, name, flags, mode);
}

int vfs_permission_exec(file* f)
{
    inode* node = file_inode(f);
    if (!S_ISREG(node->i_mode))
        return -EACCES;
    return inode_permission(node, MAY_EXEC) < 0 ? -EACCES : 0;
}

extern "C" int nonseekable_open(struct inode*, struct file* f)
{
    f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}

extern "C" int stream_open(struct inode*, struct file* f)
{
    f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    f->f_mode |= FMODE_STREAM;
    return 0;
}
