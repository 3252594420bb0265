/* The printf family: every variant feeds __vformat a sink (a FILE, a buffer, a growing string, an fd). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

static void file_sink(void* ctx, const char* s, size_t n) { fwrite(s, 1, n, ctx); }

int vfprintf(FILE* f, const char* fmt, va_list ap)
{
    /* Unbuffered streams (stderr) would otherwise issue one write per chunk: batch them. */
    if (f->mode == _IONBF) {
        char line[512];
        va_list copy;
        va_copy(copy, ap);
        int n = vsnprintf(line, sizeof(line), fmt, copy);
        va_end(copy);
        if (n >= 0 && n < (int)sizeof(line))
            return fwrite(line, 1, (size_t)n, f) == (size_t)n || n == 0 ? n : -1;
    }
    unsigned errors = f->flags & F_ERR;
    int n = __vformat(file_sink, f, fmt, ap);
    return (f->flags & F_ERR) && !errors ? -1 : n;
}

int vprintf(const char* fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }

int fprintf(FILE* f, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int printf(const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

struct buffer {
    char* buf;
    size_t size; /* capacity including the NUL */
    size_t len;  /* characters produced so far */
};

static void buffer_sink(void* ctx, const char* s, size_t n)
{
    struct buffer* b = ctx;
    if (b->len + 1 < b->size) {
        size_t room = b->size - 1 - b->len;
        memcpy(b->buf + b->len, s, n < room ? n : room);
    }
    b->len += n;
}

int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap)
{
    struct buffer b = { buf, size, 0 };
    int n = __vformat(buffer_sink, &b, fmt, ap);
    if (size)
        buf[b.len < size ? b.len : size - 1] = 0;
    return n;
}

int vsprintf(char* buf, const char* fmt, va_list ap) { return vsnprintf(buf, (size_t)-1 / 2, fmt, ap); }

int snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int sprintf(char* buf, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsprintf(buf, fmt, ap);
    va_end(ap);
    return n;
}

int vasprintf(char** out, const char* fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    *out = NULL;
    if (n < 0)
        return -1;
    char* s = malloc((size_t)n + 1);
    if (!s)
        return -1;
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    *out = s;
    return n;
}

int asprintf(char** out, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(out, fmt, ap);
    va_end(ap);
    return n;
}

struct fd_out {
    int fd;
    char buf[256];
    size_t len;
};

static void fd_flush(struct fd_out* o)
{
    size_t done = 0;
    while (done < o->len) {
        ssize_t w = write(o->fd, o->buf + done, o->len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    o->len = 0;
}

static void fd_sink(void* ctx, const char* s, size_t n)
{
    struct fd_out* o = ctx;
    while (n) {
        if (o->len == sizeof(o->buf))
            fd_flush(o);
        size_t k = sizeof(o->buf) - o->len;
        if (k > n)
            k = n;
        memcpy(o->buf + o->len, s, k);
        o->len += k;
        s += k;
        n -= k;
    }
}

int vdprintf(int fd, const char* fmt, va_list ap)
{
    struct fd_out o;
    o.fd = fd;
    o.len = 0;
    int n = __vformat(fd_sink, &o, fmt, ap);
    fd_flush(&o);
    return n;
}

int dprintf(int fd, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}
