// What the VFS files share among themselves: the mount structure, file
// allocation, and helpers not meant for drivers.
#pragma once

#include <kernel/sched.h>
#include <kernel/vfs.h>
#include <libk/intrusive_list.h>
#include <kernel/panic.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/printk.h>

// A mounted file system (Linux's struct vfsmount + struct mount).
struct vfsmount {
    vfsmount* mnt_parent;        // itself for the root mount
    inode* mnt_mountpoint;       // the directory covered, in mnt_parent (referenced)
    inode* mnt_root;             // root of this mount (referenced)
    super_block* mnt_sb;
    int mnt_count;               // 1 for being mounted + paths and files using it
    unsigned long mnt_flags;     // MS_RDONLY ...
    char mnt_devname[64];
    libk::ListNode node;         // on the mount table
};

inline vfsmount* mntget(vfsmount* mnt)
{
    if (mnt)
        ++mnt->mnt_count;
    return mnt;
}
void mntput(vfsmount* mnt);

// The mount at `mountpoint` of `parent` (the most recent one), or nullptr.
vfsmount* lookup_mnt(vfsmount* parent, inode* mountpoint);
// The root mount and its root directory (the "/" before any chroot).
Path root_path();
// Mounts a new instance of `type` (by name) with no mount point: the first
// root mount, or a kernel-internal mount. nullptr on failure.
vfsmount* kern_mount(const char* type, const char* dev_name);

// The task's fs_struct root and cwd, or the global root when it has none.
Path current_root();
Path current_pwd();
umode_t current_umask();

// Writes the name of `path` relative to `root` ("/a/b") into buffer; its length.
ErrorOr<size_t> path_name(const Path& path, const Path& root, char* buffer, size_t size);

// The name a file was opened under, kept by the open file (file::f_name) since
// kernlab has no dentries: the directory holding it (referenced) and the last
// component, so /proc/PID/fd/N can still name a file that was unlinked since.
struct file_name {
    Path dir;
    dentry entry;   // what drivers see as file->f_path.dentry: `name` and the file's inode
    size_t length;
    char name[];   // NUL-terminated
};
// A walk's record of its last component (nullptr dir: none, e.g. "/", "." or a
// directory reached by a magic link).
struct LastComponent {
    Path dir;
    size_t length;
    char name[NAME_MAX + 1];
};
// path_lookup that also records where the result was found, in `last` (which
// the caller releases with last_component_put).
ErrorOr<Path> path_lookup_last(int dfd, const char* name, unsigned flags, LastComponent& last);
void last_component_put(LastComponent& last);
void last_component_set(LastComponent& last, const Path& dir, const char* name, size_t length);
// A file_name from `last` (nullptr if it has none or memory is short); the
// open path stores it in file::f_name, fput frees it with file_name_put.
file_name* file_name_from(const LastComponent& last);
void file_name_put(file_name* name);

file* alloc_file();
// sync(2): each mounted file system's sync_fs, then its block device's buffers.
void sync_filesystems();
file_system_type* get_fs_type(const char* name);

// Lookup of one name in a directory inode, without mount crossing; referenced result.
ErrorOr<inode*> lookup_one(inode* dir, const char* name, size_t length);

// Applies attribute changes through i_op->setattr (or setattr_copy + truncate).
ErrorOr<void> notify_change(inode* node, iattr* attr);

// Current credentials, for permission checks and new inodes.
inline uid_t current_fsuid() { return current->cred.fsuid; }
inline gid_t current_fsgid() { return current->cred.fsgid; }
// Linux's in_group_p: the file-system group or a supplementary one.
inline bool in_group_p(gid_t gid)
{
    const GroupList& groups = current->groups;
    for (int i = 0; i < groups.count; ++i)
        if (groups.gids[i] == gid)
            return true;
    return current->cred.fsgid == gid;
}

// Error helper: -errno from an int result.
inline libk::Error errno_error(int negative) { return libk::Error::from_errno(-negative); }
#define ENO(e) libk::Error::from_errno(e)

// The file types the built-in file systems provide.
extern file_system_type ramfs_fs_type;
extern file_system_type tmpfs_fs_type;
extern file_system_type devtmpfs_fs_type;
extern file_system_type proc_fs_type;
extern const file_operations pipefifo_fops;

// ramfs internals reused by devtmpfs.
int ramfs_fill_root(super_block* sb);
// Pages of ramfs and tmpfs file contents (Cached), and of tmpfs alone (Shmem).
void ramfs_page_stats(unsigned long* cached, unsigned long* shmem);

// fd-table helpers behind dup, fcntl and pipe.
int get_unused_fd(files_struct* files, int minimum);
// How many fds the current process may have: RLIMIT_NOFILE, at most the table's size.
int files_limit();
void fd_install(files_struct* files, int fd, file* f, bool cloexec);
int replace_fd(int fd, file* f, bool cloexec);
bool get_close_on_exec(int fd);
void set_close_on_exec(int fd, bool on);
ErrorOr<file*> do_filp_open(int dfd, const char* name, int flags, umode_t mode);
loff_t vfs_llseek(file* f, loff_t offset, int whence);

// A path name copied in from user space (PATH_MAX bytes of kernel memory).
class UserPath {
public:
    explicit UserPath(const char __user* name);
    ~UserPath();
    UserPath(const UserPath&) = delete;
    UserPath& operator=(const UserPath&) = delete;
    int error() const { return m_error; }   // 0, -EFAULT, -ENAMETOOLONG, -ENOMEM
    const char* get() const { return m_buffer; }

private:
    char* m_buffer { nullptr };
    int m_error { 0 };
};

// The path of the file open at `fd`, referenced; EBADF if none.
ErrorOr<Path> fd_path_get(int fd);
// Linux's user_path_at: the path a user string names from dfd (an empty name
// with `empty_path`, AT_EMPTY_PATH, is dfd's own file); referenced.
ErrorOr<Path> user_path_at(int dfd, const char __user* name, unsigned lookup_flags, bool empty_path = false);
// The lookup flags of the *at calls' AT_SYMLINK_NOFOLLOW.
inline unsigned at_lookup_flags(int at_flags)
{
    return (at_flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
}

// Runs `action(Path&)` on what user_path_at finds and puts it: the action's
// result or -errno.
template<typename Action>
long with_user_path(int dfd, const char __user* name, unsigned lookup_flags, bool empty_path, Action action)
{
    auto lookup = user_path_at(dfd, name, lookup_flags, empty_path);
    if (lookup.is_error())
        return -lookup.error().code();
    Path path = lookup.release_value();
    long result = action(path);
    path_put(path);
    return result;
}

// Runs `action(Path&)` on the file open at `fd`: the action's result, or -EBADF.
template<typename Action>
long with_fd_path(int fd, Action action)
{
    file* f = fget(fd);
    if (!f)
        return -EBADF;
    Path path { f->f_vfsmnt, f->f_inode };
    long result = action(path);
    fput(f);
    return result;
}

// The syscall edge: a wait broken by a signal shows up as EINTR (no restart yet).
inline long user_result(long result)
{
    return result == -ERESTARTSYS ? -EINTR : result;
}
template<typename T>
long user_result(const ErrorOr<T>& result)
{
    return user_result(libk::as_syscall_result(result));
}
inline long user_result(const ErrorOr<void>& result)
{
    return user_result(libk::as_syscall_result(result));
}

bool is_dot_or_dotdot(const char* name, size_t length);
// path_lookup, but an empty name with `empty_path` (AT_EMPTY_PATH) is dfd's file.
ErrorOr<Path> path_lookup_at(int dfd, const char* name, unsigned lookup_flags, bool empty_path);
// renameat2: flags RENAME_NOREPLACE (RENAME_EXCHANGE and RENAME_WHITEOUT: -EINVAL).
ErrorOr<void> do_renameat2(int olddfd, const char* oldpath, int newdfd, const char* newpath, unsigned flags);
ErrorOr<void> create_pipe_files(file* files[2], int flags);
