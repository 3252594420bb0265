/* Writing to streams: fwrite, fputc, fputs, puts, with full, line and no buffering. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

/* Write n bytes straight to the file descriptor; returns how many were written. */
static size_t write_direct(FILE* f, const unsigned char* s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(f->fd, s + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->flags |= F_ERR;
            break;
        }
        done += (size_t)w;
    }
    return done;
}

static size_t write_bytes(FILE* f, const unsigned char* s, size_t n)
{
    if (__stdio_to_write(f) == EOF)
        return 0;
    if (f->mode == _IONBF) {
        if (__stdio_flush(f) == EOF)
            return 0;
        return write_direct(f, s, n);
    }
    if (n > f->size - f->wpos) {
        if (__stdio_flush(f) == EOF)
            return 0;
        if (n >= f->size)
            return write_direct(f, s, n);
    }
    memcpy(f->buf + f->wpos, s, n);
    f->wpos += n;
    if (f->mode == _IOLBF && memchr(s, '\n', n) && __stdio_flush(f) == EOF)
        return n; /* the bytes are buffered; the error is recorded */
    return n;
}

size_t fwrite(const void* ptr, size_t size, size_t count, FILE* f)
{
    if (size == 0 || count == 0)
        return 0;
    return write_bytes(f, ptr, size * count) / size;
}

int fputc(int c, FILE* f)
{
    unsigned char ch = (unsigned char)c;
    return write_bytes(f, &ch, 1) == 1 ? ch : EOF;
}

int putc(int c, FILE* f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }
int fputc_unlocked(int c, FILE* f) { return fputc(c, f); }
int putc_unlocked(int c, FILE* f) { return fputc(c, f); }
int putchar_unlocked(int c) { return fputc(c, stdout); }

int fputs(const char* s, FILE* f)
{
    size_t n = strlen(s);
    return write_bytes(f, (const unsigned char*)s, n) == n ? 0 : EOF;
}

int puts(const char* s)
{
    if (fputs(s, stdout) == EOF)
        return EOF;
    return fputc('\n', stdout) == EOF ? EOF : 0;
}
