// Changing the name space: mkdir, mknod, symlink, link, unlink, rmdir, rename,
// and attribute changes (chmod, chown, truncate, utimes), for kernel paths.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

UserPath::UserPath(const char __user* name)
{
    m_buffer = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!m_buffer) {
        m_error = -ENOMEM;
        return;
    }
    long length = strncpy_from_user(m_buffer, name, PATH_MAX);
    if (length < 0)
        m_error = static_cast<int>(length);
}

UserPath::~UserPath()
{
    kfree(m_buffer);
}

bool is_dot_or_dotdot(const char* name, size_t length)
{
    return (length == 1 && name[0] == '.') || (length == 2 && name[0] == '.' && name[1] == '.');
}

namespace {

// Holds the parent of a path being changed; releases it on scope exit.
struct ParentGuard {
    ParentPath parent;
    ~ParentGuard() { path_put(parent.dir); }
};

bool read_only(const Path& path)
{
    return path.mnt && (path.mnt->mnt_flags & 1);   // MS_RDONLY; pipes have no mount
}

// The checks before adding a name to `dir`.
ErrorOr<void> may_create(const ParentPath& parent)
{
    if (parent.last_length == 0 || is_dot_or_dotdot(parent.last, parent.last_length))
        return ENO(EEXIST);
    inode* dir = parent.dir.node;
    auto existing = lookup_one(dir, parent.last, parent.last_length);
    if (!existing.is_error()) {
        iput(existing.value());
        return ENO(EEXIST);
    }
    if (existing.error().code() != ENOENT)
        return existing.error();
    if (int error = inode_permission(dir, MAY_WRITE | MAY_EXEC); error < 0)
        return errno_error(error);
    if (read_only(parent.dir))
        return ENO(EROFS);
    return {};
}

// Sticky directories (/tmp): only the owner of the file or directory, or root, may remove.
bool sticky_forbids(inode* dir, inode* victim)
{
    uid_t uid = current_fsuid();
    return (dir->i_mode & S_ISVTX) && uid != 0 && uid != victim->i_uid && uid != dir->i_uid;
}

ErrorOr<void> may_delete(const Path& dir, inode* victim)
{
    if (int error = inode_permission(dir.node, MAY_WRITE | MAY_EXEC); error < 0)
        return errno_error(error);
    if (sticky_forbids(dir.node, victim))
        return ENO(EPERM);
    if (read_only(dir))
        return ENO(EROFS);
    if (lookup_mnt(dir.mnt, victim))
        return ENO(EBUSY);
    return {};
}

ErrorOr<void> from_int(int result)
{
    if (result < 0)
        return errno_error(result);
    return {};
}

bool is_owner_or_root(inode* node)
{
    return current_fsuid() == 0 || current_fsuid() == node->i_uid;
}

} // namespace

ErrorOr<void> do_mkdirat(int dfd, const char* name, umode_t mode)
{
    ParentGuard guard { TRY(path_lookup_parent(dfd, name)) };
    TRY(may_create(guard.parent));
    inode* dir = guard.parent.dir.node;
    if (!dir->i_op->mkdir)
        return ENO(EPERM);
    return from_int(dir->i_op->mkdir(dir, guard.parent.last, static_cast<unsigned>(guard.parent.last_length),
        static_cast<umode_t>(mode & 07777 & ~current_umask())));
}

ErrorOr<void> do_mknodat(int dfd, const char* name, umode_t mode, dev_t dev)
{
    umode_t type = mode & S_IFMT;
    if (type == 0)
        type = S_IFREG;
    switch (type) {
    case S_IFCHR:
    case S_IFBLK:
        if (current_fsuid() != 0 && current->cred.euid != 0)
            return ENO(EPERM);
        break;
    case S_IFREG:
    case S_IFIFO:
    case S_IFSOCK:
        break;
    case S_IFDIR:
        return ENO(EPERM);
    default:
        return ENO(EINVAL);
    }
    ParentGuard guard { TRY(path_lookup_parent(dfd, name)) };
    if (guard.parent.trailing_slash)
        return ENO(ENOENT);
    TRY(may_create(guard.parent));
    inode* dir = guard.parent.dir.node;
    umode_t permissions = mode & 07777 & ~current_umask();
    if (type == S_IFREG) {
        if (!dir->i_op->create)
            return ENO(EPERM);
        inode* node = nullptr;
        TRY(from_int(dir->i_op->create(dir, guard.parent.last, static_cast<unsigned>(guard.parent.last_length),
            type | permissions, &node)));
        iput(node);
        return {};
    }
    if (!dir->i_op->mknod)
        return ENO(EPERM);
    return from_int(dir->i_op->mknod(dir, guard.parent.last, static_cast<unsigned>(guard.parent.last_length),
        type | permissions, dev));
}

ErrorOr<void> do_symlinkat(const char* target, int dfd, const char* name)
{
    if (!target[0])
        return ENO(ENOENT);
    ParentGuard guard { TRY(path_lookup_parent(dfd, name)) };
    if (guard.parent.trailing_slash)
        return ENO(ENOENT);
    TRY(may_create(guard.parent));
    inode* dir = guard.parent.dir.node;
    if (!dir->i_op->symlink)
        return ENO(EPERM);
    return from_int(dir->i_op->symlink(dir, guard.parent.last, static_cast<unsigned>(guard.parent.last_length), target));
}

ErrorOr<void> do_linkat(int olddfd, const char* oldname, int newdfd, const char* newname, int flags)
{
    if (flags & ~AT_SYMLINK_FOLLOW)
        return ENO(EINVAL);
    Path old = TRY(path_lookup(olddfd, oldname, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0));
    auto result = [&]() -> ErrorOr<void> {
        ParentGuard guard { TRY(path_lookup_parent(newdfd, newname)) };
        if (guard.parent.trailing_slash)
            return ENO(ENOENT);
        TRY(may_create(guard.parent));
        if (guard.parent.dir.mnt->mnt_sb != old.mnt->mnt_sb)
            return ENO(EXDEV);
        if (S_ISDIR(old.node->i_mode))
            return ENO(EPERM);
        inode* dir = guard.parent.dir.node;
        if (!dir->i_op->link)
            return ENO(EPERM);
        return from_int(dir->i_op->link(old.node, dir, guard.parent.last, static_cast<unsigned>(guard.parent.last_length)));
    }();
    path_put(old);
    return result;
}

ErrorOr<void> do_unlinkat(int dfd, const char* name)
{
    ParentGuard guard { TRY(path_lookup_parent(dfd, name)) };
    ParentPath& parent = guard.parent;
    if (parent.last_length == 0 || is_dot_or_dotdot(parent.last, parent.last_length))
        return ENO(EISDIR);
    inode* dir = parent.dir.node;
    inode* victim = TRY(lookup_one(dir, parent.last, parent.last_length));
    auto result = [&]() -> ErrorOr<void> {
        if (S_ISDIR(victim->i_mode))
            return ENO(EISDIR);
        if (parent.trailing_slash)
            return ENO(ENOTDIR);
        TRY(may_delete(parent.dir, victim));
        if (!dir->i_op->unlink)
            return ENO(EPERM);
        return from_int(dir->i_op->unlink(dir, parent.last, static_cast<unsigned>(parent.last_length)));
    }();
    iput(victim);
    return result;
}

ErrorOr<void> do_rmdir(int dfd, const char* name)
{
    ParentGuard guard { TRY(path_lookup_parent(dfd, name)) };
    ParentPath& parent = guard.parent;
    if (parent.last_length == 0)
        return ENO(EBUSY);
    if (parent.last_length == 1 && parent.last[0] == '.')
        return ENO(EINVAL);
    if (parent.last_length == 2 && parent.last[0] == '.' && parent.last[1] == '.')
        return ENO(ENOTEMPTY);
    inode* dir = parent.dir.node;
    inode* victim = TRY(lookup_one(dir, parent.last, parent.last_length));
    auto result = [&]() -> ErrorOr<void> {
        if (!S_ISDIR(victim->i_mode))
            return ENO(ENOTDIR);
        TRY(may_delete(parent.dir, victim));
        if (!dir->i_op->rmdir)
            return ENO(EPERM);
        return from_int(dir->i_op->rmdir(dir, parent.last, static_cast<unsigned>(parent.last_length)));
    }();
    iput(victim);
    return result;
}

namespace {

// Whether `ancestor` is `dir` or above it (renaming a directory into itself).
bool is_ancestor(inode* ancestor, inode* dir)
{
    inode* node = dir;
    ihold(node);
    bool found = false;
    for (int depth = 0; depth < 4096; ++depth) {
        if (node == ancestor) {
            found = true;
            break;
        }
        auto parent = lookup_one(node, "..", 2);
        if (parent.is_error() || parent.value() == node) {
            if (!parent.is_error())
                iput(parent.value());
            break;
        }
        iput(node);
        node = parent.value();
    }
    iput(node);
    return found;
}

} // namespace

ErrorOr<void> do_renameat(int olddfd, const char* oldname, int newdfd, const char* newname)
{
    return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

ErrorOr<void> do_renameat2(int olddfd, const char* oldname, int newdfd, const char* newname, unsigned flags)
{
    constexpr unsigned RENAME_NOREPLACE = 1;
    if (flags & ~RENAME_NOREPLACE)
        return ENO(EINVAL);   // RENAME_EXCHANGE, RENAME_WHITEOUT: no file system here supports them
    ParentGuard from { TRY(path_lookup_parent(olddfd, oldname)) };
    ParentGuard to { TRY(path_lookup_parent(newdfd, newname)) };
    ParentPath& old_parent = from.parent;
    ParentPath& new_parent = to.parent;
    if (old_parent.last_length == 0 || is_dot_or_dotdot(old_parent.last, old_parent.last_length)
        || new_parent.last_length == 0 || is_dot_or_dotdot(new_parent.last, new_parent.last_length))
        return ENO(EBUSY);
    if (old_parent.dir.mnt != new_parent.dir.mnt)
        return ENO(EXDEV);
    inode* old_dir = old_parent.dir.node;
    inode* new_dir = new_parent.dir.node;
    inode* source = TRY(lookup_one(old_dir, old_parent.last, old_parent.last_length));
    inode* target = nullptr;
    auto result = [&]() -> ErrorOr<void> {
        if ((old_parent.trailing_slash || new_parent.trailing_slash) && !S_ISDIR(source->i_mode))
            return ENO(ENOTDIR);
        TRY(may_delete(old_parent.dir, source));
        if (int error = inode_permission(new_dir, MAY_WRITE | MAY_EXEC); error < 0)
            return errno_error(error);
        auto existing = lookup_one(new_dir, new_parent.last, new_parent.last_length);
        if (!existing.is_error()) {
            target = existing.value();
            if (flags & RENAME_NOREPLACE)
                return ENO(EEXIST);
            if (target == source)
                return {};
            if (S_ISDIR(source->i_mode) && !S_ISDIR(target->i_mode))
                return ENO(ENOTDIR);
            if (!S_ISDIR(source->i_mode) && S_ISDIR(target->i_mode))
                return ENO(EISDIR);
            TRY(may_delete(new_parent.dir, target));
        } else if (existing.error().code() != ENOENT) {
            return existing.error();
        }
        if (S_ISDIR(source->i_mode) && is_ancestor(source, new_dir))
            return ENO(EINVAL);
        if (!old_dir->i_op->rename)
            return ENO(EPERM);
        return from_int(old_dir->i_op->rename(old_dir, old_parent.last, static_cast<unsigned>(old_parent.last_length),
            new_dir, new_parent.last, static_cast<unsigned>(new_parent.last_length), 0));
    }();
    if (target)
        iput(target);
    iput(source);
    return result;
}

ErrorOr<void> do_chmod(const Path& path, umode_t mode)
{
    if (!is_owner_or_root(path.node))
        return ENO(EPERM);
    if (read_only(path))
        return ENO(EROFS);
    iattr attr {};
    attr.ia_valid = ATTR_MODE;
    attr.ia_mode = mode & 07777;
    return notify_change(path.node, &attr);
}

ErrorOr<void> do_chown(const Path& path, uid_t uid, gid_t gid)
{
    inode* node = path.node;
    bool root = current_fsuid() == 0;
    if (uid != static_cast<uid_t>(-1) && uid != node->i_uid && !root)
        return ENO(EPERM);
    if (gid != static_cast<gid_t>(-1) && gid != node->i_gid && !root
        && !(current_fsuid() == node->i_uid && gid == current_fsgid()))
        return ENO(EPERM);
    if (read_only(path))
        return ENO(EROFS);
    iattr attr {};
    if (uid != static_cast<uid_t>(-1)) {
        attr.ia_valid |= ATTR_UID;
        attr.ia_uid = uid;
    }
    if (gid != static_cast<gid_t>(-1)) {
        attr.ia_valid |= ATTR_GID;
        attr.ia_gid = gid;
    }
    if (!S_ISDIR(node->i_mode) && (node->i_mode & (S_ISUID | S_ISGID)) && attr.ia_valid) {
        attr.ia_valid |= ATTR_MODE;   // chown clears set-id bits, as on Linux
        attr.ia_mode = node->i_mode & 07777 & ~(S_ISUID | S_ISGID);
    }
    return notify_change(node, &attr);
}

ErrorOr<void> do_truncate(const Path& path, loff_t length)
{
    inode* node = path.node;
    if (length < 0)
        return ENO(EINVAL);
    if (S_ISDIR(node->i_mode))
        return ENO(EISDIR);
    if (!S_ISREG(node->i_mode))
        return ENO(EINVAL);
    if (int error = inode_permission(node, MAY_WRITE); error < 0)
        return errno_error(error);
    if (read_only(path))
        return ENO(EROFS);
    iattr attr {};
    attr.ia_valid = ATTR_SIZE;
    attr.ia_size = length;
    return notify_change(node, &attr);
}

ErrorOr<void> do_utimes(const Path& path, const timespec64* atime, const timespec64* mtime)
{
    inode* node = path.node;
    constexpr long UTIME_NOW = (1l << 30) - 1;
    constexpr long UTIME_OMIT = (1l << 30) - 2;
    bool setting_explicit = (atime && atime->tv_nsec != UTIME_NOW) || (mtime && mtime->tv_nsec != UTIME_NOW);
    if (setting_explicit) {
        if (!is_owner_or_root(node))
            return ENO(EPERM);
    } else if (!is_owner_or_root(node) && inode_permission(node, MAY_WRITE) < 0) {
        return ENO(EACCES);
    }
    timespec64 now = current_time(node);
    iattr attr {};
    if (!atime || atime->tv_nsec != UTIME_OMIT) {
        attr.ia_valid |= ATTR_ATIME;
        attr.ia_atime = (!atime || atime->tv_nsec == UTIME_NOW) ? now : *atime;
    }
    if (!mtime || mtime->tv_nsec != UTIME_OMIT) {
        attr.ia_valid |= ATTR_MTIME;
        attr.ia_mtime = (!mtime || mtime->tv_nsec == UTIME_NOW) ? now : *mtime;
    }
    return notify_change(node, &attr);
}

ErrorOr<int> do_readlinkat(int dfd, const char* name, char* buffer, int size)
{
    if (size <= 0)
        return ENO(EINVAL);
    Path path = TRY(path_lookup(dfd, name, 0));
    int result = -EINVAL;
    if (S_ISLNK(path.node->i_mode) && path.node->i_op && path.node->i_op->readlink)
        result = path.node->i_op->readlink(path.node, buffer, size);
    path_put(path);
    if (result < 0)
        return errno_error(result);
    return result;
}
