/* Directory streams: opendir/readdir/closedir over getdents64, plus scandir and alphasort. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/syscall.h"

_Static_assert(__builtin_offsetof(struct dirent, d_name) == 19, "struct dirent matches linux_dirent64");

struct __dirstream {
    int fd;
    size_t pos; /* next record in buf */
    size_t len; /* bytes of records in buf */
    long tell;  /* d_off of the last record returned */
    char buf[4096] __attribute__((aligned(8)));
};

DIR* fdopendir(int fd)
{
    DIR* d = malloc(sizeof(*d));
    if (!d)
        return NULL;
    d->fd = fd;
    d->pos = d->len = 0;
    d->tell = 0;
    return d;
}

DIR* opendir(const char* path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR* d = fdopendir(fd);
    if (!d)
        close(fd);
    return d;
}

struct dirent* readdir(DIR* d)
{
    if (d->pos >= d->len) {
        long n = SYSCALL3(__NR_getdents64, d->fd, d->buf, sizeof(d->buf));
        if (n <= 0)
            return NULL; /* end (errno untouched) or error (errno set) */
        d->len = (size_t)n;
        d->pos = 0;
    }
    struct dirent* e = (struct dirent*)(d->buf + d->pos);
    d->pos += e->d_reclen;
    d->tell = (long)e->d_off;
    return e;
}

int readdir_r(DIR* d, struct dirent* entry, struct dirent** result)
{
    int saved = errno;
    errno = 0;
    struct dirent* e = readdir(d);
    if (!e) {
        *result = NULL;
        int err = errno;
        errno = saved;
        return err;
    }
    memcpy(entry, e, e->d_reclen < sizeof(*entry) ? e->d_reclen : sizeof(*entry));
    *result = entry;
    errno = saved;
    return 0;
}

int closedir(DIR* d)
{
    int r = close(d->fd);
    free(d);
    return r;
}

void seekdir(DIR* d, long pos)
{
    lseek(d->fd, pos, SEEK_SET);
    d->pos = d->len = 0;
    d->tell = pos;
}

void rewinddir(DIR* d) { seekdir(d, 0); }
long telldir(DIR* d) { return d->tell; }
int dirfd(DIR* d) { return d->fd; }

int alphasort(const struct dirent** a, const struct dirent** b) { return strcoll((*a)->d_name, (*b)->d_name); }

int scandir(const char* path, struct dirent*** list, int (*filter)(const struct dirent*),
    int (*compare)(const struct dirent**, const struct dirent**))
{
    DIR* d = opendir(path);
    if (!d)
        return -1;
    struct dirent** entries = NULL;
    size_t count = 0, cap = 0;
    struct dirent* e;
    int saved = errno;
    errno = 0;
    while ((e = readdir(d))) {
        if (filter && !filter(e))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            struct dirent** grown = realloc(entries, cap * sizeof(*entries));
            if (!grown)
                goto fail;
            entries = grown;
        }
        struct dirent* copy = malloc(e->d_reclen > sizeof(*copy) ? e->d_reclen : sizeof(*copy));
        if (!copy)
            goto fail;
        memcpy(copy, e, e->d_reclen);
        entries[count++] = copy;
    }
    if (errno)
        goto fail;
    closedir(d);
    errno = saved;
    if (compare)
        qsort(entries, count, sizeof(*entries), (int (*)(const void*, const void*))compare);
    *list = entries;
    return (int)count;
fail:
    while (count)
        free(entries[--count]);
    free(entries);
    closedir(d);
    return -1;
}
