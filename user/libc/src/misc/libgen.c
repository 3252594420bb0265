/* POSIX basename and dirname: they may modify the string and return a pointer into it (or a constant). */
#include <libgen.h>
#include <string.h>

char* basename(char* path)
{
    if (!path || !*path)
        return ".";
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        path[--len] = 0;
    if (len == 1 && path[0] == '/')
        return path;
    char* slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char* dirname(char* path)
{
    if (!path || !*path)
        return ".";
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        --len;
    while (len > 0 && path[len - 1] != '/')
        --len;
    if (len == 0)
        return ".";
    while (len > 1 && path[len - 1] == '/')
        --len;
    path[len] = 0;
    return path;
}
