/* The three standard streams, buffering decisions, flushing, and the per-stream state accessors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/libc.h"
#include "../internal/stdio_impl.h"

static unsigned char stdin_buf[BUFSIZ];
static unsigned char stdout_buf[BUFSIZ];

/* stdin and stdout pick line or full buffering at first use (isatty); stderr is unbuffered. */
static struct _FILE stdin_file = { .fd = 0, .flags = F_READ | F_STATIC, .mode = MODE_UNDECIDED,
    .buf = stdin_buf, .size = sizeof(stdin_buf), .ungot = EOF };
static struct _FILE stdout_file = { .fd = 1, .flags = F_WRITE | F_STATIC, .mode = MODE_UNDECIDED,
    .buf = stdout_buf, .size = sizeof(stdout_buf), .ungot = EOF };
static struct _FILE stderr_file = { .fd = 2, .flags = F_WRITE | F_STATIC, .mode = _IONBF,
    .buf = &stderr_file.small, .size = 1, .ungot = EOF };

FILE* const stdin = &stdin_file;
FILE* const stdout = &stdout_file;
FILE* const stderr = &stderr_file;

struct _FILE* __stdio_list;

void __stdio_setup(FILE* f)
{
    if (f->mode == MODE_UNDECIDED)
        f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
    if (f->mode == _IONBF) {
        if (f->buf != &f->small) {
            if (f->flags & F_OWNBUF)
                free(f->buf);
            f->flags &= ~F_OWNBUF;
            f->buf = &f->small;
            f->size = 1;
        }
        return;
    }
    if (!f->buf || f->buf == &f->small) {
        size_t size = f->size > 1 ? f->size : BUFSIZ;
        unsigned char* b = malloc(size);
        if (b) {
            f->buf = b;
            f->size = size;
            f->flags |= F_OWNBUF;
        } else {
            f->mode = _IONBF;
            f->buf = &f->small;
            f->size = 1;
        }
    }
}

int __stdio_flush(FILE* f)
{
    if (!(f->flags & F_WRITING))
        return 0;
    size_t done = 0;
    while (done < f->wpos) {
        ssize_t n = write(f->fd, f->buf + done, f->wpos - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            /* Keep what was not written, like glibc, so a later flush may retry. */
            memmove(f->buf, f->buf + done, f->wpos - done);
            f->wpos -= done;
            f->flags |= F_ERR;
            return EOF;
        }
        done += (size_t)n;
    }
    f->wpos = 0;
    return 0;
}

int __stdio_to_write(FILE* f)
{
    if (!(f->flags & F_WRITE)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->flags & F_WRITING)
        return 0;
    /* Drop read-ahead: put the file offset back where the program thinks it is. */
    off_t unread = (off_t)(f->rend - f->rpos) + (f->ungot != EOF);
    if (unread)
        lseek(f->fd, -unread, SEEK_CUR);
    f->rpos = f->rend = 0;
    f->ungot = EOF;
    f->wpos = 0;
    f->flags |= F_WRITING;
    __stdio_setup(f);
    return 0;
}

int __stdio_to_read(FILE* f)
{
    if (!(f->flags & F_READ)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->flags & F_WRITING) {
        if (__stdio_flush(f) == EOF)
            return EOF;
        f->flags &= ~F_WRITING;
        f->rpos = f->rend = 0;
    }
    return 0;
}

size_t __stdio_refill(FILE* f)
{
    __stdio_setup(f);
    /* Reading from an interactive stream: show pending prompts first (like glibc). */
    if (f->mode != _IOFBF && (stdout->flags & F_WRITING) && stdout->wpos)
        __stdio_flush(stdout);
    f->rpos = f->rend = 0;
    for (;;) {
        ssize_t n = read(f->fd, f->buf, f->size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            f->flags |= F_ERR;
        else if (n == 0)
            f->flags |= F_EOF;
        else
            f->rend = (size_t)n;
        return f->rend;
    }
}

int fflush(FILE* f)
{
    if (!f) {
        int result = 0;
        if (__stdio_flush(stdout) == EOF)
            result = EOF;
        if (__stdio_flush(stderr) == EOF)
            result = EOF;
        for (struct _FILE* p = __stdio_list; p; p = p->next)
            if (__stdio_flush(p) == EOF)
                result = EOF;
        return result;
    }
    if (f->flags & F_WRITING)
        return __stdio_flush(f);
    /* An input stream: give back read-ahead on seekable files (POSIX), else keep it. */
    off_t unread = (off_t)(f->rend - f->rpos) + (f->ungot != EOF);
    if (unread && lseek(f->fd, -unread, SEEK_CUR) >= 0) {
        f->rpos = f->rend = 0;
        f->ungot = EOF;
    }
    return 0;
}

void __stdio_flush_all(void)
{
    fflush(NULL);
}

int setvbuf(FILE* f, char* buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return -1;
    if (f->flags & F_OWNBUF)
        free(f->buf);
    f->flags &= ~F_OWNBUF;
    f->mode = mode;
    if (mode == _IONBF || (!buf && size == 0)) {
        f->buf = mode == _IONBF ? &f->small : NULL;
        f->size = mode == _IONBF ? 1 : BUFSIZ;
    } else if (buf) {
        f->buf = (unsigned char*)buf;
        f->size = size ? size : BUFSIZ;
    } else {
        f->buf = NULL;
        f->size = size;
    }
    __stdio_setup(f);
    return 0;
}

void setbuf(FILE* f, char* buf) { setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ); }
void setlinebuf(FILE* f) { setvbuf(f, NULL, _IOLBF, 0); }

int fileno(FILE* f) { return f->fd; }
int feof(FILE* f) { return (f->flags & F_EOF) != 0; }
int ferror(FILE* f) { return (f->flags & F_ERR) != 0; }
void clearerr(FILE* f) { f->flags &= ~(F_EOF | F_ERR); }
