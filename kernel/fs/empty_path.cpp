// The lookups behind the *at() system calls: a user string walked from dfd,
// where with AT_EMPTY_PATH an empty name means the file `dfd` refers to (or
// the cwd for AT_FDCWD).
#include "internal.h"
#include <linux/fcntl.h>

ErrorOr<Path> path_lookup_at(int dfd, const char* name, unsigned lookup_flags, bool empty_path)
{
    if (name[0] || !empty_path)
        return path_lookup(dfd, name, lookup_flags);
    if (dfd == AT_FDCWD)
        return path_get(current_pwd());
    return fd_path_get(dfd);
}

ErrorOr<Path> fd_path_get(int fd)
{
    file* f = fget(fd);
    if (!f)
        return ENO(EBADF);
    Path result = path_get(Path { f->f_vfsmnt, f->f_inode });
    fput(f);
    return result;
}

ErrorOr<Path> user_path_at(int dfd, const char __user* name, unsigned lookup_flags, bool empty_path)
{
    UserPath path(name);
    if (path.error())
        return errno_error(path.error());
    return path_lookup_at(dfd, path.get(), lookup_flags, empty_path);
}
