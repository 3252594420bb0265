/* realpath: an absolute path with ".", ".." and symbolic links resolved, component by component. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char* realpath(const char* path, char* resolved)
{
    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    if (!*path) {
        errno = ENOENT;
        return NULL;
    }
    char out[PATH_MAX];
    char rest[PATH_MAX]; /* what is still to be resolved */
    size_t len = 0;
    int links = 0;

    if (strlen(path) >= sizeof(rest)) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    strcpy(rest, path);
    if (rest[0] != '/') {
        if (!getcwd(out, sizeof(out)))
            return NULL;
        len = strlen(out);
        if (len == 1)
            len = 0; /* "/" is written as the empty prefix */
    }
    out[len] = 0;

    char* p = rest;
    while (*p) {
        while (*p == '/')
            ++p;
        if (!*p)
            break;
        char* name = p;
        while (*p && *p != '/')
            ++p;
        size_t nlen = p - name;
        if (nlen == 1 && name[0] == '.')
            continue;
        if (nlen == 2 && name[0] == '.' && name[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                --len;
            if (len > 0)
                --len;
            out[len] = 0;
            continue;
        }
        if (len + 1 + nlen >= sizeof(out)) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        size_t before = len;
        out[len++] = '/';
        memcpy(out + len, name, nlen);
        len += nlen;
        out[len] = 0;

        struct stat st;
        if (lstat(out, &st) < 0)
            return NULL;
        if (S_ISLNK(st.st_mode)) {
            if (++links > SYMLOOP_MAX) {
                errno = ELOOP;
                return NULL;
            }
            char target[PATH_MAX];
            ssize_t tlen = readlink(out, target, sizeof(target) - 1);
            if (tlen < 0)
                return NULL;
            target[tlen] = 0;
            size_t remaining = strlen(p);
            if ((size_t)tlen + 1 + remaining >= sizeof(rest)) {
                errno = ENAMETOOLONG;
                return NULL;
            }
            /* New "rest" = target + remaining components ("/..." when there are any). */
            memmove(rest + tlen, p, remaining + 1);
            memcpy(rest, target, tlen);
            p = rest;
            len = target[0] == '/' ? 0 : before;
            out[len] = 0;
        } else if (*p && !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return NULL;
        }
    }
    if (len == 0) {
        out[0] = '/';
        out[1] = 0;
    }
    if (!resolved)
        return strdup(out);
    strcpy(resolved, out);
    return resolved;
}
