// The VFS inside the kernel: paths, mounts, per-process file tables, and the
// calls the rest of the kernel (execve, mmap, init, the tty) makes on files.
// Drivers and modules see include/linux/fs.h.
#pragma once

#include <libk/error_or.h>
#include <linux/fs.h>
#include <linux/types.h>

using libk::ErrorOr;

// A place in the tree: a mount and an inode in it (Linux's struct path, with
// an inode instead of a dentry). Both carry a reference while a Path is held.
struct Path {
    vfsmount* mnt { nullptr };
    inode* node { nullptr };
};
Path path_get(const Path& path);   // takes references, returns a copy
void path_put(Path& path);         // drops them and clears the path

// ---- per-process state (Task::files, Task::fs) ----

constexpr int NR_OPEN_DEFAULT = 256;   // fds per process

struct files_struct {
    int count;                               // tasks sharing the table
    file* fd[NR_OPEN_DEFAULT];
    uint32_t close_on_exec[NR_OPEN_DEFAULT / 32];
};

struct fs_struct {
    int count;
    Path root;
    Path pwd;
    umode_t umask;
};

files_struct* files_alloc();
files_struct* files_dup(files_struct* files);    // fork: every open file gets a reference
void files_put(files_struct* files);             // exit: the last put closes all
void files_close_on_exec(files_struct* files);   // execve

fs_struct* fs_alloc_root();                      // root = cwd = "/", umask 022
fs_struct* fs_copy(fs_struct* fs);
void fs_put(fs_struct* fs);

// Puts `f` (whose reference it takes over) in the lowest free slot of `files`;
// returns the fd or -EMFILE.
int fd_install_new(files_struct* files, file* f, bool cloexec);
// Current task's files: the file at `fd` with a new reference, or nullptr.
file* fget(int fd);
// Closes `fd` of the current task; 0 or -EBADF.
int close_fd(int fd);

// ---- opening, reading, writing from the kernel ----

// Opens a kernel path (relative to current->fs) with open(2)'s flags and mode.
ErrorOr<file*> filp_open(const char* path, int flags, umode_t mode);
// Opens an inode already found (no permission checks beyond f_op->open).
ErrorOr<file*> dentry_open(const Path& path, int flags);
// f_op->read/write with a kernel buffer (wrapped in ScopedKernelDs); bytes or -errno.
ssize_t kernel_read(file* f, void* buffer, size_t count, loff_t* pos);
ssize_t kernel_write(file* f, const void* buffer, size_t count, loff_t* pos);
// 0 when the caller may execute `f`: a regular file on which it has MAY_EXEC
// (root needs one x bit); -EACCES otherwise.
int vfs_permission_exec(file* f);

// ---- user-pointer I/O shared by read/write/readv/pread ----
ssize_t vfs_read(file* f, char __user* buffer, size_t count, loff_t* pos);
ssize_t vfs_write(file* f, const char __user* buffer, size_t count, loff_t* pos);

// ---- path walk ----

constexpr unsigned LOOKUP_FOLLOW = 1;      // follow a symlink in the last component
constexpr unsigned LOOKUP_DIRECTORY = 2;   // the result must be a directory
constexpr int max_symlink_depth = 40;
constexpr size_t PATH_MAX = 4096;
constexpr size_t NAME_MAX = 255;

// `dfd` is AT_FDCWD or a directory fd of the current task (for relative paths).
ErrorOr<Path> path_lookup(int dfd, const char* path, unsigned flags);
inline ErrorOr<Path> kern_path(const char* path, unsigned flags) { return path_lookup(-100, path, flags); }
// The parent directory of the last component, and that component (pointing into
// `path`). "/" and names ending in "." or ".." have no last component: -EINVAL
// or -EEXIST depending on the caller, reported as `last` empty.
struct ParentPath {
    Path dir;
    const char* last;
    size_t last_length;
    bool trailing_slash;
};
ErrorOr<ParentPath> path_lookup_parent(int dfd, const char* path);

// ---- kernel-path versions of the system calls (used by initramfs and tests) ----
ErrorOr<void> do_mkdirat(int dfd, const char* path, umode_t mode);
ErrorOr<void> do_mknodat(int dfd, const char* path, umode_t mode, dev_t dev);
ErrorOr<void> do_symlinkat(const char* target, int dfd, const char* path);
ErrorOr<void> do_linkat(int olddfd, const char* oldpath, int newdfd, const char* newpath, int flags);
ErrorOr<void> do_unlinkat(int dfd, const char* path);
ErrorOr<void> do_rmdir(int dfd, const char* path);
ErrorOr<void> do_renameat(int olddfd, const char* oldpath, int newdfd, const char* newpath);
ErrorOr<void> do_chmod(const Path& path, umode_t mode);
ErrorOr<void> do_chown(const Path& path, uid_t uid, gid_t gid);
ErrorOr<void> do_truncate(const Path& path, loff_t length);
ErrorOr<void> do_utimes(const Path& path, const timespec64* atime, const timespec64* mtime);
ErrorOr<int> do_readlinkat(int dfd, const char* path, char* buffer, int size);
ErrorOr<void> do_mount(const char* dev_name, const char* dir, const char* type, unsigned long flags, void* data);
ErrorOr<void> do_umount(const char* dir, int flags);
// Writes the current directory into `buffer`; returns its length with the NUL.
ErrorOr<size_t> do_getcwd(char* buffer, size_t size);

// ---- boot ----

// Registers the built-in file systems and mounts ramfs at "/"; gives the
// current task (kernel_init) a root fs_struct and files_struct if it has none.
void vfs_init();
// Mounts devtmpfs on /dev (creating /dev if the initramfs has none). 0 or -errno.
int devtmpfs_mount_dev();
// Mounts procfs on /proc. 0 or -errno.
int proc_mount();
// Opens /dev/console as fd 0, 1, 2 of the current task (Linux's console_on_rootfs).
int console_on_rootfs();

// ---- mounts (for /proc/mounts and statfs) ----

// Calls `callback` with each mount's device name, mount point path, type and flags.
using MountVisitor = void (*)(const char* dev_name, const char* mount_point, const char* fs_type,
    unsigned long flags, void* context);
void for_each_mount(MountVisitor visitor, void* context);
void for_each_filesystem(void (*visitor)(file_system_type* type, void* context), void* context);

// ---- char devices ----

// Visits registered char-device regions in major order (/proc/devices).
void for_each_chrdev(void (*visitor)(unsigned major, const char* name, void* context), void* context);
// The f_op of a char device number, or nullptr (used by chrdev_open).
const file_operations* chrdev_lookup(dev_t dev);

// ---- time ----
// Seconds since the epoch: the CMOS clock read at boot plus the time since.
time64_t ktime_get_real_seconds();
