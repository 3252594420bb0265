// /proc/<pid>/fd: one magic link per open descriptor, named by its number, whose
// text is the file's name ("/dev/ttyS0", "pipe:[12]", a path) and which opens
// the file itself when followed, as Linux's fs/proc/fd.c.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

// The file at `fd` of `task`, with a reference (nullptr if none). Preemption is
// off so the table cannot change between the read and the get.
file* task_file(Task* task, int fd)
{
    file* f = nullptr;
    preempt_disable();
    if (task->files && fd >= 0 && fd < NR_OPEN_DEFAULT && (f = task->files->fd[fd]))
        get_file(f);
    preempt_enable();
    return f;
}

// The file an fd/N link stands for, referenced: ENOENT when the task or the
// descriptor is gone, EACCES when it is not ours to look at.
ErrorOr<file*> fd_link_file(inode* node)
{
    Task* task = find_task_by_pid(proc_ino_pid(node->i_ino));
    if (!task)
        return ENO(ENOENT);
    if (!proc_may_access(task))
        return ENO(EACCES);
    file* f = task_file(task, static_cast<int>(proc_ino_index(node->i_ino) - proc_fd_sub));
    if (!f)
        return ENO(ENOENT);
    return f;
}

int fd_readlink(inode* node, char* buffer, int size)
{
    auto lookup = fd_link_file(node);
    if (lookup.is_error())
        return -lookup.error().code();
    file* f = lookup.value();
    char* name = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    int length = name ? proc_file_name(f, name, PATH_MAX) : -ENOMEM;
    fput(f);
    if (length >= 0) {
        length = libk::min(length, size);
        libk::memcpy(buffer, name, static_cast<size_t>(length));
    }
    kfree(name);
    return length;
}

// Following fd/N opens what the descriptor has open, even when its name is
// gone (an unlinked file) or was never a path (a pipe).
int fd_get_link_path(inode* node, vfsmount** mnt, inode** target, file** opened)
{
    auto lookup = fd_link_file(node);
    if (lookup.is_error())
        return -lookup.error().code();
    file* f = lookup.value();
    if (!f->f_vfsmnt && !S_ISFIFO(file_inode(f)->i_mode)) {
        fput(f);
        return -ENXIO;   // an anon_inode file: nothing to open again (Linux: sockets too)
    }
    *mnt = mntget(f->f_vfsmnt);
    *target = file_inode(f);
    ihold(*target);
    *opened = f;
    return 0;
}

const inode_operations fd_link_inode_operations = {
    .readlink = fd_readlink,
    .get_link_path = fd_get_link_path,
};

int parse_fd(const char* name, unsigned length)
{
    if (length == 0 || length > 3 || (length > 1 && name[0] == '0'))
        return -1;
    int fd = 0;
    for (unsigned i = 0; i < length; ++i) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        fd = fd * 10 + (name[i] - '0');
    }
    return fd < NR_OPEN_DEFAULT ? fd : -1;
}

int fd_dir_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    pid_t pid = proc_ino_pid(dir->i_ino);
    Task* task = find_task_by_pid(pid);
    if (!task)
        return -ENOENT;
    if (length == 2 && name[0] == '.' && name[1] == '.')
        return proc_pid_lookup_dir(dir->i_sb, pid, result);
    int fd = parse_fd(name, length);
    file* f = fd >= 0 ? task_file(task, fd) : nullptr;
    if (!f)
        return -ENOENT;
    // Linux: r-x for a readable file, -wx for a writable one, both for both.
    umode_t mode = S_IFLNK;
    if (f->f_mode & FMODE_READ)
        mode |= S_IRUSR | S_IXUSR;
    if (f->f_mode & FMODE_WRITE)
        mode |= S_IWUSR | S_IXUSR;
    fput(f);
    inode* node = new_inode(dir->i_sb);
    if (!node)
        return -ENOMEM;
    node->i_ino = proc_pid_ino(pid, proc_fd_sub + static_cast<unsigned>(fd));
    node->i_mode = mode;
    node->i_uid = task->cred.euid;
    node->i_gid = task->cred.egid;
    node->i_size = 64;   // what Linux reports for these links
    node->i_op = &fd_link_inode_operations;
    *result = node;
    return 0;
}

int fd_dir_iterate(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    pid_t pid = proc_ino_pid(dir->i_ino);
    Task* task = find_task_by_pid(pid);
    if (!task)
        return -ENOENT;
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        if (!dir_emit(ctx, "..", 2, proc_pid_ino(pid, 0), DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    // Position 2 + fd, so a listing resumed after a full buffer goes on at the right fd.
    for (int fd = static_cast<int>(ctx->pos - 2); fd < NR_OPEN_DEFAULT; ++fd) {
        file* open = task_file(task, fd);
        if (!open)
            continue;
        fput(open);
        char name[8];
        int length = libk::snprintf(name, sizeof(name), "%d", fd);
        if (!dir_emit(ctx, name, length, proc_pid_ino(pid, proc_fd_sub + static_cast<unsigned>(fd)), DT_LNK))
            return 0;
        ctx->pos = fd + 3;
    }
    return 0;
}

int fd_dir_permission_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    Task* task = find_task_by_pid(proc_ino_pid(dir->i_ino));
    if (task && !proc_may_access(task))
        return -EACCES;
    return fd_dir_lookup(dir, name, length, result);
}

int fd_dir_permission_iterate(file* f, dir_context* ctx)
{
    Task* task = find_task_by_pid(proc_ino_pid(file_inode(f)->i_ino));
    if (task && !proc_may_access(task))
        return -EACCES;
    return fd_dir_iterate(f, ctx);
}

} // namespace

const inode_operations proc_fd_dir_inode_operations = {
    .lookup = fd_dir_permission_lookup,
};

const file_operations proc_fd_dir_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .iterate_shared = fd_dir_permission_iterate,
};
