// In-kernel self-tests of the VFS through kernel paths: files, directories,
// links, permissions, pipes, mounts, devices, procfs and the unpacked initramfs.
#include "internal.h"
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/proc.h>
#include <kernel/uaccess.h>
#include <kernel/version.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/cdev.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

void populate_rootfs();

namespace {

// kernel_init normally did this before the tests run; a bare test boot may not have.
void ensure_vfs()
{
    if (root_path().mnt)
        return;
    vfs_init();
    populate_rootfs();
    devtmpfs_mount_dev();
    proc_mount();
}

// Reads a whole (small) file into `buffer`, NUL-terminated; its length or -errno.
long read_file(const char* path, char* buffer, size_t size)
{
    auto opened = filp_open(path, O_RDONLY, 0);
    if (opened.is_error())
        return -opened.error().code();
    loff_t pos = 0;
    size_t total = 0;
    for (;;) {
        ssize_t n = kernel_read(opened.value(), buffer + total, size - 1 - total, &pos);
        if (n <= 0)
            break;
        total += static_cast<size_t>(n);
        if (total == size - 1)
            break;
    }
    buffer[total] = '\0';
    fput(opened.value());
    return static_cast<long>(total);
}

long write_file(const char* path, const char* text, int flags = O_WRONLY | O_CREAT | O_TRUNC)
{
    auto opened = filp_open(path, flags, 0644);
    if (opened.is_error())
        return -opened.error().code();
    loff_t pos = opened.value()->f_pos;
    ssize_t n = kernel_write(opened.value(), text, libk::strlen(text), &pos);
    fput(opened.value());
    return n;
}

int error_of(const ErrorOr<void>& result)
{
    return result.is_error() ? -result.error().code() : 0;
}

inode* stat_inode(const char* path, bool follow = true)
{
    auto found = kern_path(path, follow ? LOOKUP_FOLLOW : 0);
    if (found.is_error())
        return nullptr;
    Path p = found.release_value();
    inode* node = p.node;
    ihold(node);
    path_put(p);
    return node;   // caller iputs
}

} // namespace

KTEST(vfs_files)
{
    ensure_vfs();
    char buffer[128];
    (void)do_mkdirat(AT_FDCWD, "/tmp", 01777);
    KTEST_EXPECT(write_file("/tmp/ktest", "hello") == 5);
    KTEST_EXPECT(read_file("/tmp/ktest", buffer, sizeof(buffer)) == 5);
    KTEST_EXPECT(libk::strcmp(buffer, "hello") == 0);
    KTEST_EXPECT(write_file("/tmp/ktest", ", world", O_WRONLY | O_APPEND) == 7);
    KTEST_EXPECT(read_file("/tmp/ktest", buffer, sizeof(buffer)) == 12);
    KTEST_EXPECT(libk::strcmp(buffer, "hello, world") == 0);
    auto excl = filp_open("/tmp/ktest", O_WRONLY | O_CREAT | O_EXCL, 0644);
    KTEST_EXPECT(excl.is_error() && excl.error().code() == EEXIST);
    KTEST_EXPECT(write_file("/tmp/ktest", "x") == 1);   // O_TRUNC
    KTEST_EXPECT(read_file("/tmp/ktest", buffer, sizeof(buffer)) == 1);

    // Seeking past the end leaves a hole that reads as zeros.
    auto opened = filp_open("/tmp/ktest", O_RDWR, 0);
    KTEST_EXPECT(!opened.is_error());
    if (!opened.is_error()) {
        file* f = opened.value();
        KTEST_EXPECT(vfs_llseek(f, 10, SEEK_SET) == 10);
        loff_t pos = f->f_pos;
        KTEST_EXPECT(kernel_write(f, "z", 1, &pos) == 1);
        KTEST_EXPECT(file_inode(f)->i_size == 11);
        pos = 1;
        char hole[4] = { 1, 1, 1, 1 };
        KTEST_EXPECT(kernel_read(f, hole, 4, &pos) == 4);
        KTEST_EXPECT(hole[0] == 0 && hole[3] == 0);
        KTEST_EXPECT(vfs_llseek(f, -1, SEEK_SET) == -EINVAL);
        KTEST_EXPECT(vfs_llseek(f, 0, SEEK_END) == 11);
        fput(f);
    }
    auto dir_write = filp_open("/tmp", O_WRONLY, 0);
    KTEST_EXPECT(dir_write.is_error() && dir_write.error().code() == EISDIR);
    auto not_dir = filp_open("/tmp/ktest", O_RDONLY | O_DIRECTORY, 0);
    KTEST_EXPECT(not_dir.is_error() && not_dir.error().code() == ENOTDIR);
    auto missing = filp_open("/tmp/nothing/here", O_RDONLY, 0);
    KTEST_EXPECT(missing.is_error() && missing.error().code() == ENOENT);
    auto through_file = filp_open("/tmp/ktest/x", O_RDONLY, 0);
    KTEST_EXPECT(through_file.is_error() && through_file.error().code() == ENOTDIR);
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/ktest")) == 0);
    KTEST_EXPECT(read_file("/tmp/ktest", buffer, sizeof(buffer)) == -ENOENT);
}

KTEST(vfs_names)
{
    ensure_vfs();
    char buffer[256];
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/kt", 0755)) == 0);
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/kt", 0755)) == -EEXIST);
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/kt/a/b", 0755)) == -ENOENT);
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/kt/a/", 0700)) == 0);
    KTEST_EXPECT(write_file("/tmp/kt/a/file", "data") == 4);

    // umask 022 applied to mkdir's mode.
    inode* dir = stat_inode("/tmp/kt/a");
    KTEST_EXPECT(dir && (dir->i_mode & 07777) == 0700 && S_ISDIR(dir->i_mode) && dir->i_nlink == 2);
    if (dir)
        iput(dir);
    inode* parent = stat_inode("/tmp/kt");
    KTEST_EXPECT(parent && parent->i_nlink == 3);
    if (parent)
        iput(parent);

    // ".", ".." and repeated slashes.
    KTEST_EXPECT(read_file("/tmp/kt/a/../a/./file", buffer, sizeof(buffer)) == 4);
    KTEST_EXPECT(read_file("//tmp///kt/a//file", buffer, sizeof(buffer)) == 4);
    KTEST_EXPECT(read_file("/../../tmp/kt/a/file", buffer, sizeof(buffer)) == 4);

    // Symlinks: relative, absolute, dangling, loops, O_NOFOLLOW.
    KTEST_EXPECT(error_of(do_symlinkat("a/file", AT_FDCWD, "/tmp/kt/rel")) == 0);
    KTEST_EXPECT(error_of(do_symlinkat("/tmp/kt/a", AT_FDCWD, "/tmp/kt/abs")) == 0);
    KTEST_EXPECT(error_of(do_symlinkat("loop2", AT_FDCWD, "/tmp/kt/loop1")) == 0);
    KTEST_EXPECT(error_of(do_symlinkat("loop1", AT_FDCWD, "/tmp/kt/loop2")) == 0);
    KTEST_EXPECT(read_file("/tmp/kt/rel", buffer, sizeof(buffer)) == 4);
    KTEST_EXPECT(read_file("/tmp/kt/abs/file", buffer, sizeof(buffer)) == 4);
    KTEST_EXPECT(read_file("/tmp/kt/loop1", buffer, sizeof(buffer)) == -ELOOP);
    auto nofollow = filp_open("/tmp/kt/rel", O_RDONLY | O_NOFOLLOW, 0);
    KTEST_EXPECT(nofollow.is_error() && nofollow.error().code() == ELOOP);
    auto link_length = do_readlinkat(AT_FDCWD, "/tmp/kt/rel", buffer, sizeof(buffer));
    KTEST_EXPECT(!link_length.is_error() && link_length.value() == 6 && libk::memcmp(buffer, "a/file", 6) == 0);
    auto not_link = do_readlinkat(AT_FDCWD, "/tmp/kt/a", buffer, sizeof(buffer));
    KTEST_EXPECT(not_link.is_error() && not_link.error().code() == EINVAL);

    // Hard links share the inode; unlinking one keeps the other.
    KTEST_EXPECT(error_of(do_linkat(AT_FDCWD, "/tmp/kt/a/file", AT_FDCWD, "/tmp/kt/hard", 0)) == 0);
    inode* hard = stat_inode("/tmp/kt/hard");
    KTEST_EXPECT(hard && hard->i_nlink == 2);
    KTEST_EXPECT(error_of(do_linkat(AT_FDCWD, "/tmp/kt/a", AT_FDCWD, "/tmp/kt/dirlink", 0)) == -EPERM);
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/kt/a/file")) == 0);
    KTEST_EXPECT(hard && hard->i_nlink == 1);
    if (hard)
        iput(hard);
    KTEST_EXPECT(read_file("/tmp/kt/hard", buffer, sizeof(buffer)) == 4);

    // rename: files, directories, replacing, into itself.
    KTEST_EXPECT(error_of(do_renameat(AT_FDCWD, "/tmp/kt/hard", AT_FDCWD, "/tmp/kt/a/moved")) == 0);
    KTEST_EXPECT(read_file("/tmp/kt/a/moved", buffer, sizeof(buffer)) == 4);
    KTEST_EXPECT(read_file("/tmp/kt/hard", buffer, sizeof(buffer)) == -ENOENT);
    KTEST_EXPECT(write_file("/tmp/kt/other", "12") == 2);
    KTEST_EXPECT(error_of(do_renameat(AT_FDCWD, "/tmp/kt/other", AT_FDCWD, "/tmp/kt/a/moved")) == 0);
    KTEST_EXPECT(read_file("/tmp/kt/a/moved", buffer, sizeof(buffer)) == 2);
    KTEST_EXPECT(error_of(do_renameat(AT_FDCWD, "/tmp/kt/a", AT_FDCWD, "/tmp/kt/a/sub")) == -EINVAL);
    KTEST_EXPECT(error_of(do_renameat(AT_FDCWD, "/tmp/kt/a", AT_FDCWD, "/tmp/kt/b")) == 0);
    KTEST_EXPECT(read_file("/tmp/kt/b/moved", buffer, sizeof(buffer)) == 2);
    KTEST_EXPECT(read_file("/tmp/kt/abs/moved", buffer, sizeof(buffer)) == -ENOENT);   // the link still names a

    // rmdir and unlink errors.
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/kt/b")) == -ENOTEMPTY);
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/kt/b")) == -EISDIR);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/kt/rel")) == -ENOTDIR);
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/kt/b/moved")) == 0);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/kt/b")) == 0);
    static const char* const links[] = { "/tmp/kt/rel", "/tmp/kt/abs", "/tmp/kt/loop1", "/tmp/kt/loop2" };
    for (const char* name : links)
        KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, name)) == 0);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/kt")) == 0);
}

KTEST(vfs_cwd_and_permissions)
{
    ensure_vfs();
    char buffer[256];
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/cwd", 0755)) == 0);
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/cwd/inner", 0755)) == 0);
    Path saved = path_get(current->fs->pwd);
    auto inner = kern_path("/tmp/cwd/inner", LOOKUP_FOLLOW);
    KTEST_EXPECT(!inner.is_error());
    if (!inner.is_error()) {
        Path old = current->fs->pwd;
        current->fs->pwd = inner.release_value();
        path_put(old);
        auto length = do_getcwd(buffer, sizeof(buffer));
        KTEST_EXPECT(!length.is_error() && length.value() == 15 && libk::strcmp(buffer, "/tmp/cwd/inner") == 0);
        KTEST_EXPECT(write_file("relative", "r") == 1);
        KTEST_EXPECT(read_file("../inner/relative", buffer, sizeof(buffer)) == 1);
        KTEST_EXPECT(read_file("/tmp/cwd/inner/relative", buffer, sizeof(buffer)) == 1);
        Path old2 = current->fs->pwd;
        current->fs->pwd = saved;
        path_put(old2);
    }

    // A user without rights: reading 0600 root files and writing into 0755 root dirs fail.
    KTEST_EXPECT(write_file("/tmp/cwd/secret", "s") == 1);
    auto secret = kern_path("/tmp/cwd/secret", 0);
    if (!secret.is_error()) {
        Path p = secret.release_value();
        KTEST_EXPECT(error_of(do_chmod(p, 0600)) == 0);
        path_put(p);
    }
    Credentials root = current->cred;
    current->cred.fsuid = current->cred.euid = current->cred.uid = 1000;
    current->cred.fsgid = current->cred.egid = current->cred.gid = 1000;
    KTEST_EXPECT(read_file("/tmp/cwd/secret", buffer, sizeof(buffer)) == -EACCES);
    KTEST_EXPECT(write_file("/tmp/cwd/new", "n") == -EACCES);
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/cwd/newdir", 0755)) == -EACCES);
    KTEST_EXPECT(write_file("/tmp/user-file", "u") == 1);   // /tmp is 1777
    inode* mine = stat_inode("/tmp/user-file");
    KTEST_EXPECT(mine && mine->i_uid == 1000 && mine->i_gid == 1000);
    if (mine)
        iput(mine);
    current->cred = root;
    // Sticky /tmp: another user may not remove it; root may.
    current->cred.fsuid = 1001;
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/user-file")) == -EPERM);
    current->cred = root;
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/user-file")) == 0);

    // exec needs an x bit even for root.
    auto plain = filp_open("/tmp/cwd/secret", O_RDONLY, 0);
    if (!plain.is_error()) {
        KTEST_EXPECT(vfs_permission_exec(plain.value()) == -EACCES);
        fput(plain.value());
    }
    static const char* const files[] = { "/tmp/cwd/secret", "/tmp/cwd/inner/relative" };
    for (const char* name : files)
        KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, name)) == 0);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/cwd/inner")) == 0);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/cwd")) == 0);
}

KTEST(vfs_pipe)
{
    ensure_vfs();
    file* ends[2] = {};
    KTEST_EXPECT(!create_pipe_files(ends, 0).is_error());
    if (!ends[0])
        return;
    loff_t pos = 0;
    KTEST_EXPECT(kernel_write(ends[1], "through the pipe", 16, &pos) == 16);
    char buffer[32] = {};
    KTEST_EXPECT(kernel_read(ends[0], buffer, 7, &pos) == 7);
    KTEST_EXPECT(libk::memcmp(buffer, "through", 7) == 0);
    KTEST_EXPECT(kernel_read(ends[0], buffer, sizeof(buffer), &pos) == 9);
    KTEST_EXPECT(kernel_read(ends[1], buffer, 1, &pos) == -EBADF);   // the write end cannot read
    ends[0]->f_flags |= O_NONBLOCK;
    KTEST_EXPECT(kernel_read(ends[0], buffer, 1, &pos) == -EAGAIN);
    ends[0]->f_flags &= ~O_NONBLOCK;
    poll_table* no_wait = nullptr;
    KTEST_EXPECT((ends[1]->f_op->poll(ends[1], no_wait) & EPOLLOUT) != 0);
    KTEST_EXPECT((ends[0]->f_op->poll(ends[0], no_wait) & EPOLLIN) == 0);
    fput(ends[1]);   // no writers: EOF
    KTEST_EXPECT(kernel_read(ends[0], buffer, 1, &pos) == 0);
    fput(ends[0]);

    // No readers: EPIPE (and SIGPIPE, which this kernel thread takes back).
    KTEST_EXPECT(!create_pipe_files(ends, 0).is_error());
    fput(ends[0]);
    uint64_t pending = current->pending_signals;
    KTEST_EXPECT(kernel_write(ends[1], "x", 1, &pos) == -EPIPE);
    current->pending_signals = pending;   // a kernel thread keeps no SIGPIPE
    fput(ends[1]);
}

KTEST(vfs_fd_table)
{
    ensure_vfs();
    files_struct* files = files_alloc();
    KTEST_EXPECT(files != nullptr);
    if (!files)
        return;
    auto opened = filp_open("/dev/null", O_RDWR, 0);
    KTEST_EXPECT(!opened.is_error());
    if (opened.is_error()) {
        files_put(files);
        return;
    }
    file* f = opened.value();
    KTEST_EXPECT(fd_install_new(files, f, false) == 0);
    KTEST_EXPECT(fd_install_new(files, get_file(f), true) == 1);
    KTEST_EXPECT(f->f_count == 2);
    files_struct* child = files_dup(files);
    KTEST_EXPECT(f->f_count == 4);
    files_close_on_exec(child);
    KTEST_EXPECT(child->fd[1] == nullptr && child->fd[0] == f && f->f_count == 3);
    files_put(child);
    KTEST_EXPECT(f->f_count == 2);
    int fd = 0;
    for (; fd < NR_OPEN_DEFAULT; ++fd)
        if (fd_install_new(files, get_file(f), false) < 0)
            break;
    KTEST_EXPECT(fd == NR_OPEN_DEFAULT - 2);   // the table filled up: -EMFILE
    fput(f);   // the reference of the failed install
    files_put(files);
}

namespace {

int test_open_calls;
ssize_t test_read(file*, char __user* buffer, size_t count, loff_t* pos)
{
    return simple_read_from_buffer(buffer, count, pos, "drv", 3);
}
int test_open(inode* node, file*)
{
    test_open_calls += static_cast<int>(iminor(node));
    return 0;
}
const file_operations test_fops = {
    .owner = nullptr,
    .read = test_read,
    .open = test_open,
};

} // namespace

KTEST(vfs_devices)
{
    ensure_vfs();
    char buffer[64];
    libk::memset(buffer, 0x55, sizeof(buffer));
    auto zero = filp_open("/dev/zero", O_RDONLY, 0);
    KTEST_EXPECT(!zero.is_error());
    if (!zero.is_error()) {
        loff_t pos = 0;
        KTEST_EXPECT(kernel_read(zero.value(), buffer, sizeof(buffer), &pos) == sizeof(buffer));
        KTEST_EXPECT(buffer[0] == 0 && buffer[63] == 0);
        fput(zero.value());
    }
    KTEST_EXPECT(write_file("/dev/null", "gone", O_WRONLY) == 4);
    KTEST_EXPECT(read_file("/dev/null", buffer, sizeof(buffer)) == 0);
    KTEST_EXPECT(write_file("/dev/full", "x", O_WRONLY) == -ENOSPC);
    KTEST_EXPECT(read_file("/dev/urandom", buffer, 17) == 16);

    // A driver: dynamic major, a node, and open dispatching to its fops.
    int major = register_chrdev(0, "ktestdev", &test_fops);
    KTEST_EXPECT(major >= 234);
    if (major > 0) {
        KTEST_EXPECT(devtmpfs_create_node("ktest/dev0", S_IFCHR | 0666, MKDEV(major, 2)) == 0);
        KTEST_EXPECT(devtmpfs_create_node("ktest/dev0", S_IFCHR | 0666, MKDEV(major, 2)) == -EEXIST);
        test_open_calls = 0;
        KTEST_EXPECT(read_file("/dev/ktest/dev0", buffer, sizeof(buffer)) == 3);
        KTEST_EXPECT(test_open_calls == 2 && libk::strcmp(buffer, "drv") == 0);
        KTEST_EXPECT(chrdev_lookup(MKDEV(major, 2)) == &test_fops);
        // mknod of the same device elsewhere works too.
        KTEST_EXPECT(error_of(do_mknodat(AT_FDCWD, "/tmp/ktestnode", S_IFCHR | 0600, MKDEV(major, 7))) == 0);
        KTEST_EXPECT(read_file("/tmp/ktestnode", buffer, sizeof(buffer)) == 3);
        KTEST_EXPECT(test_open_calls == 9);
        KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/ktestnode")) == 0);
        unregister_chrdev(static_cast<unsigned>(major), "ktestdev");
        KTEST_EXPECT(read_file("/dev/ktest/dev0", buffer, sizeof(buffer)) == -ENXIO);
        KTEST_EXPECT(devtmpfs_delete_node("ktest/dev0") == 0);
    }
    dev_t region = 0;
    KTEST_EXPECT(alloc_chrdev_region(&region, 0, 4, "ktestregion") == 0);
    cdev c;
    cdev_init(&c, &test_fops);
    KTEST_EXPECT(cdev_add(&c, region, 4) == 0);
    KTEST_EXPECT(chrdev_lookup(region + 3) == &test_fops && chrdev_lookup(region + 4) == nullptr);
    cdev_del(&c);
    unregister_chrdev_region(region, 4);
    KTEST_EXPECT(register_chrdev_region(MKDEV(1, 3), 1, "taken") == -EBUSY);
}

KTEST(vfs_proc)
{
    ensure_vfs();
    char* buffer = static_cast<char*>(kmalloc(4096, GFP_KERNEL));
    if (!buffer)
        return;
    KTEST_EXPECT(read_file("/proc/version", buffer, 4096) > 0);
    KTEST_EXPECT(libk::strcmp(buffer, linux_banner) == 0);
    KTEST_EXPECT(read_file("/proc/meminfo", buffer, 4096) > 0);
    KTEST_EXPECT(libk::strncmp(buffer, "MemTotal:", 9) == 0 && libk::strstr(buffer, " kB\n"));
    KTEST_EXPECT(read_file("/proc/mounts", buffer, 4096) > 0);
    KTEST_EXPECT(libk::strstr(buffer, "rootfs / rootfs rw 0 0\n") && libk::strstr(buffer, " /proc proc ")
        && libk::strstr(buffer, "devtmpfs /dev devtmpfs"));
    KTEST_EXPECT(read_file("/proc/filesystems", buffer, 4096) > 0 && libk::strstr(buffer, "nodev\tproc\n"));
    KTEST_EXPECT(read_file("/proc/devices", buffer, 4096) > 0 && libk::strstr(buffer, "  1 mem\n"));
    KTEST_EXPECT(read_file("/proc/uptime", buffer, 4096) > 0 && libk::strchr(buffer, '.'));
    KTEST_EXPECT(read_file("/proc/loadavg", buffer, 4096) > 0 && libk::strncmp(buffer, "0.00 0.00 0.00 ", 15) == 0);
    KTEST_EXPECT(read_file("/proc/stat", buffer, 4096) > 0 && libk::strncmp(buffer, "cpu  ", 5) == 0);
    KTEST_EXPECT(read_file("/proc/cmdline", buffer, 4096) > 0);

    char expected[32];
    libk::snprintf(expected, sizeof(expected), "%d (%s) ", current->pid, current->comm);
    KTEST_EXPECT(read_file("/proc/self/stat", buffer, 4096) > 0);
    KTEST_EXPECT(libk::strncmp(buffer, expected, libk::strlen(expected)) == 0);
    int fields = 1;
    for (const char* p = buffer; *p; ++p)
        fields += *p == ' ';
    KTEST_EXPECT(fields == 52);
    KTEST_EXPECT(read_file("/proc/self/status", buffer, 4096) > 0 && libk::strncmp(buffer, "Name:\t", 6) == 0);
    KTEST_EXPECT(read_file("/proc/self/cmdline", buffer, 4096) == 0);   // a kernel thread
    KTEST_EXPECT(read_file("/proc/2/comm", buffer, 4096) > 0);
    KTEST_EXPECT(read_file("/proc/99999/stat", buffer, 4096) == -ENOENT);
    auto self = do_readlinkat(AT_FDCWD, "/proc/self", buffer, 4096);
    KTEST_EXPECT(!self.is_error() && self.value() > 0);
    // The listing of /proc has the pids.
    auto dir = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);
    KTEST_EXPECT(!dir.is_error());
    if (!dir.is_error()) {
        Path proc_path { dir.value()->f_vfsmnt, file_inode(dir.value()) };
        char name[64];
        // The name of /proc's root inode, found through its parent's listing.
        auto length = path_name(proc_path, root_path(), name, sizeof(name));
        KTEST_EXPECT(!length.is_error() && libk::strcmp(name, "/proc") == 0);
        fput(dir.value());
    }
    KTEST_EXPECT(write_file("/proc/version", "x", O_WRONLY) < 0);
    kfree(buffer);
}

KTEST(vfs_mount)
{
    ensure_vfs();
    char buffer[64];
    KTEST_EXPECT(error_of(do_mkdirat(AT_FDCWD, "/tmp/mnt", 0755)) == 0);
    KTEST_EXPECT(write_file("/tmp/mnt/under", "u") == 1);
    KTEST_EXPECT(error_of(do_mount("none", "/tmp/mnt", "tmpfs", 0, nullptr)) == 0);
    KTEST_EXPECT(read_file("/tmp/mnt/under", buffer, sizeof(buffer)) == -ENOENT);   // covered
    KTEST_EXPECT(write_file("/tmp/mnt/over", "o") == 1);
    KTEST_EXPECT(read_file("/tmp/mnt/../mnt/over", buffer, sizeof(buffer)) == 1);   // ".." out of the mount
    KTEST_EXPECT(error_of(do_renameat(AT_FDCWD, "/tmp/mnt/over", AT_FDCWD, "/tmp/over")) == -EXDEV);
    auto busy = filp_open("/tmp/mnt/over", O_RDONLY, 0);
    KTEST_EXPECT(error_of(do_umount("/tmp/mnt", 0)) == -EBUSY);
    if (!busy.is_error())
        fput(busy.value());
    KTEST_EXPECT(error_of(do_mount("none", "/tmp/mnt", "nosuchfs", 0, nullptr)) == -ENODEV);
    KTEST_EXPECT(error_of(do_umount("/tmp/mnt", 0)) == 0);
    KTEST_EXPECT(read_file("/tmp/mnt/under", buffer, sizeof(buffer)) == 1);
    KTEST_EXPECT(error_of(do_umount("/tmp/mnt", 0)) == -EINVAL);
    KTEST_EXPECT(error_of(do_unlinkat(AT_FDCWD, "/tmp/mnt/under")) == 0);
    KTEST_EXPECT(error_of(do_rmdir(AT_FDCWD, "/tmp/mnt")) == 0);
    KTEST_EXPECT(error_of(do_umount("/", 0)) == -EBUSY);
}

KTEST(vfs_initramfs)
{
    ensure_vfs();
    char buffer[512];
    long length = read_file("/etc/passwd", buffer, sizeof(buffer));
    KTEST_EXPECT(length > 0);
    KTEST_EXPECT(libk::strncmp(buffer, "root:", 5) == 0);
    inode* passwd = stat_inode("/etc/passwd");
    KTEST_EXPECT(passwd && S_ISREG(passwd->i_mode) && passwd->i_uid == 0 && passwd->i_mtime.tv_sec > 1000000000);
    if (passwd)
        iput(passwd);
    inode* tmp = stat_inode("/tmp");
    KTEST_EXPECT(tmp && (tmp->i_mode & 07777) == 01777);
    if (tmp)
        iput(tmp);
}
