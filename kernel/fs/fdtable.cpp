// Per-process file descriptor tables (files_struct): shared across CLONE_FILES,
// copied by fork, closed on exit and (per fd) on execve.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/resource.h>
#include <libk/string.h>

namespace {

bool is_cloexec(const files_struct* files, int fd)
{
    return files->close_on_exec[fd / 32] & (1u << (fd % 32));
}

void set_cloexec(files_struct* files, int fd, bool on)
{
    if (on)
        files->close_on_exec[fd / 32] |= 1u << (fd % 32);
    else
        files->close_on_exec[fd / 32] &= ~(1u << (fd % 32));
}

// close(): the driver's flush runs on every close, release only on the last fput.
void filp_close(file* f)
{
    if (f->f_op && f->f_op->flush)
        f->f_op->flush(f, current ? current->files : nullptr);
    fput(f);
}

files_struct* current_files()
{
    return current ? current->files : nullptr;
}

} // namespace

int files_limit()
{
    unsigned long limit = rlimit(RLIMIT_NOFILE);
    return limit < static_cast<unsigned long>(NR_OPEN_DEFAULT) ? static_cast<int>(limit) : NR_OPEN_DEFAULT;
}

files_struct* files_alloc()
{
    auto* files = static_cast<files_struct*>(kzalloc(sizeof(files_struct), GFP_KERNEL));
    if (files)
        files->count = 1;
    return files;
}

files_struct* files_dup(files_struct* old)
{
    files_struct* files = files_alloc();
    if (!files || !old)
        return files;
    for (int fd = 0; fd < NR_OPEN_DEFAULT; ++fd) {
        if (old->fd[fd])
            files->fd[fd] = get_file(old->fd[fd]);
    }
    libk::memcpy(files->close_on_exec, old->close_on_exec, sizeof(files->close_on_exec));
    return files;
}

void files_put(files_struct* files)
{
    if (!files || --files->count > 0)
        return;
    for (int fd = 0; fd < NR_OPEN_DEFAULT; ++fd) {
        if (file* f = files->fd[fd]) {
            files->fd[fd] = nullptr;
            filp_close(f);
        }
    }
    kfree(files);
}

void files_close_on_exec(files_struct* files)
{
    if (!files)
        return;
    for (int fd = 0; fd < NR_OPEN_DEFAULT; ++fd) {
        if (files->fd[fd] && is_cloexec(files, fd)) {
            file* f = files->fd[fd];
            files->fd[fd] = nullptr;
            set_cloexec(files, fd, false);
            filp_close(f);
        }
    }
}

// Lowest free fd >= `minimum` below RLIMIT_NOFILE, or -EMFILE.
int get_unused_fd(files_struct* files, int minimum)
{
    int end = files_limit();
    for (int fd = minimum; fd < end; ++fd)
        if (!files->fd[fd])
            return fd;
    return -EMFILE;
}

void fd_install(files_struct* files, int fd, file* f, bool cloexec)
{
    files->fd[fd] = f;
    set_cloexec(files, fd, cloexec);
}

int fd_install_new(files_struct* files, file* f, bool cloexec)
{
    if (!files)
        return -EBADF;
    int fd = get_unused_fd(files, 0);
    if (fd >= 0)
        fd_install(files, fd, f, cloexec);
    return fd;
}

file* fget(int fd)
{
    files_struct* files = current_files();
    if (!files || fd < 0 || fd >= NR_OPEN_DEFAULT || !files->fd[fd])
        return nullptr;
    return get_file(files->fd[fd]);
}

int close_fd(int fd)
{
    files_struct* files = current_files();
    if (!files || fd < 0 || fd >= NR_OPEN_DEFAULT || !files->fd[fd])
        return -EBADF;
    file* f = files->fd[fd];
    files->fd[fd] = nullptr;
    set_cloexec(files, fd, false);
    filp_close(f);
    return 0;
}

// dup2/dup3/F_DUPFD: puts a new reference of `f` at `fd`, closing what was there.
int replace_fd(int fd, file* f, bool cloexec)
{
    files_struct* files = current_files();
    if (!files || fd < 0 || fd >= NR_OPEN_DEFAULT)
        return -EBADF;
    file* old = files->fd[fd];
    fd_install(files, fd, get_file(f), cloexec);
    if (old)
        filp_close(old);
    return fd;
}

bool get_close_on_exec(int fd)
{
    files_struct* files = current_files();
    return files && fd >= 0 && fd < NR_OPEN_DEFAULT && is_cloexec(files, fd);
}

void set_close_on_exec(int fd, bool on)
{
    files_struct* files = current_files();
    if (files && fd >= 0 && fd < NR_OPEN_DEFAULT)
        set_cloexec(files, fd, on);
}
