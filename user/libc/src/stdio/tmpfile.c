/* tmpfile: an anonymous read/write file in /tmp, removed as soon as it is created. */
#include <stdlib.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

FILE* tmpfile(void)
{
    char name[] = "/tmp/tmpfileXXXXXX";
    int fd = mkstemp(name);
    if (fd < 0)
        return NULL;
    unlink(name);
    FILE* f = __stdio_new(fd, F_READ | F_WRITE);
    if (!f)
        close(fd);
    return f;
}
