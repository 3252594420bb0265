/* Opening and closing streams: fopen, fdopen, freopen, fclose. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

int __stdio_parse_mode(const char* mode, unsigned* flags)
{
    int oflags;
    switch (*mode) {
    case 'r':
        oflags = O_RDONLY;
        *flags = F_READ;
        break;
    case 'w':
        oflags = O_WRONLY | O_CREAT | O_TRUNC;
        *flags = F_WRITE;
        break;
    case 'a':
        oflags = O_WRONLY | O_CREAT | O_APPEND;
        *flags = F_WRITE;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    for (const char* m = mode + 1; *m; ++m) {
        if (*m == '+') {
            oflags = (oflags & ~O_ACCMODE) | O_RDWR;
            *flags = F_READ | F_WRITE;
        } else if (*m == 'e') {
            oflags |= O_CLOEXEC;
        } else if (*m == 'x') {
            oflags |= O_EXCL;
        }
        /* 'b' and anything else: ignored, as POSIX allows. */
    }
    return oflags;
}

void __stdio_link(FILE* f)
{
    f->next = __stdio_list;
    __stdio_list = f;
}

void __stdio_unlink(FILE* f)
{
    for (struct _FILE** p = &__stdio_list; *p; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            return;
        }
    }
}

FILE* __stdio_new(int fd, unsigned flags)
{
    FILE* f = calloc(1, sizeof(*f));
    if (!f)
        return NULL;
    f->fd = fd;
    f->flags = flags;
    f->mode = MODE_UNDECIDED;
    f->size = BUFSIZ;
    f->ungot = EOF;
    __stdio_link(f);
    return f;
}

FILE* fopen(const char* path, const char* mode)
{
    unsigned flags;
    int oflags = __stdio_parse_mode(mode, &flags);
    if (oflags < 0)
        return NULL;
    int fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    FILE* f = __stdio_new(fd, flags);
    if (!f)
        close(fd);
    return f;
}

FILE* fdopen(int fd, const char* mode)
{
    unsigned flags;
    if (__stdio_parse_mode(mode, &flags) < 0)
        return NULL;
    if (fcntl(fd, F_GETFD) < 0)
        return NULL;
    return __stdio_new(fd, flags);
}

static void release(FILE* f)
{
    if (f->flags & F_OWNBUF)
        free(f->buf);
    f->flags &= ~F_OWNBUF;
}

int fclose(FILE* f)
{
    int result = fflush(f);
    if (close(f->fd) < 0)
        result = EOF;
    release(f);
    if (f->flags & F_STATIC) {
        f->fd = -1;
        return result;
    }
    __stdio_unlink(f);
    free(f);
    return result;
}

FILE* freopen(const char* path, const char* mode, FILE* f)
{
    unsigned flags;
    int oflags = __stdio_parse_mode(mode, &flags);
    fflush(f);
    if (oflags < 0)
        return NULL;
    if (!path) {
        /* Change the mode of the same file: only the access mode can be honoured. */
        f->flags = (f->flags & F_STATIC) | (f->flags & F_OWNBUF) | flags;
        return f;
    }
    int fd = open(path, oflags, 0666);
    if (fd < 0) {
        fclose(f);
        return NULL;
    }
    if (fd != f->fd) {
        if (dup2(fd, f->fd) < 0) {
            close(fd);
            return NULL;
        }
        close(fd);
    }
    f->flags = (f->flags & (F_STATIC | F_OWNBUF)) | flags;
    f->rpos = f->rend = f->wpos = 0;
    f->ungot = EOF;
    return f;
}
