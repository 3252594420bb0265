/* remove (unlink, or rmdir for directories) and rename. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "../internal/syscall.h"

int remove(const char* path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno == EISDIR)
        return rmdir(path);
    return -1;
}

int rename(const char* oldpath, const char* newpath) { return SYSCALL2(__NR_rename, oldpath, newpath); }
