// The lookup behind the *at() calls that take AT_EMPTY_PATH: an empty name
// then means the file `dfd` refers to (or the cwd for AT_FDCWD).
#include "internal.h"
#include <linux/fcntl.h>

ErrorOr<Path> path_lookup_at(int dfd, const char* name, unsigned lookup_flags, bool empty_path)
{
    if (name[0] || !empty_path)
        return path_lookup(dfd, name, lookup_flags);
    if (dfd == AT_FDCWD)
        return path_get(current_pwd());
    file* f = fget(dfd);
    if (!f)
        return ENO(EBADF);
    Path result = path_get(Path { f->f_vfsmnt, f->f_inode });
    fput(f);
    return result;
}
