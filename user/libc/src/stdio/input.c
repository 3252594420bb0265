/* Reading from streams: fgetc, ungetc, fread, fgets, getdelim/getline. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

int fgetc(FILE* f)
{
    if (__stdio_to_read(f) == EOF)
        return EOF;
    if (f->ungot != EOF) {
        int c = f->ungot;
        f->ungot = EOF;
        return c;
    }
    if (f->rpos == f->rend && __stdio_refill(f) == 0)
        return EOF;
    return f->buf[f->rpos++];
}

int getc(FILE* f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }
int fgetc_unlocked(FILE* f) { return fgetc(f); }
int getc_unlocked(FILE* f) { return fgetc(f); }
int getchar_unlocked(void) { return fgetc(stdin); }

int ungetc(int c, FILE* f)
{
    if (c == EOF || __stdio_to_read(f) == EOF)
        return EOF;
    if (f->rpos > 0) {
        f->buf[--f->rpos] = (unsigned char)c;
    } else if (f->ungot == EOF) {
        f->ungot = (unsigned char)c;
    } else {
        return EOF;
    }
    f->flags &= ~F_EOF;
    return (unsigned char)c;
}

size_t fread(void* ptr, size_t size, size_t count, FILE* f)
{
    if (size == 0 || count == 0)
        return 0;
    if (__stdio_to_read(f) == EOF)
        return 0;
    unsigned char* out = ptr;
    size_t want = size * count, got = 0;
    if (f->ungot != EOF) {
        out[got++] = (unsigned char)f->ungot;
        f->ungot = EOF;
    }
    while (got < want) {
        size_t avail = f->rend - f->rpos;
        if (avail) {
            size_t n = avail < want - got ? avail : want - got;
            memcpy(out + got, f->buf + f->rpos, n);
            f->rpos += n;
            got += n;
            continue;
        }
        __stdio_setup(f);
        if (want - got >= f->size) {
            /* Big reads go straight into the caller's memory. */
            ssize_t n = read(f->fd, out + got, want - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                f->flags |= n == 0 ? F_EOF : F_ERR;
                break;
            }
            got += (size_t)n;
            continue;
        }
        if (__stdio_refill(f) == 0)
            break;
    }
    return got / size;
}

char* fgets(char* s, int size, FILE* f)
{
    if (size <= 0)
        return NULL;
    int i = 0;
    while (i < size - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0 && size > 1)
        return NULL;
    s[i] = 0;
    return s;
}

ssize_t getdelim(char** line, size_t* cap, int delim, FILE* f)
{
    if (!line || !cap) {
        errno = EINVAL;
        return -1;
    }
    size_t len = 0;
    for (;;) {
        int c = fgetc(f);
        if (c == EOF) {
            if (len == 0)
                return -1;
            break;
        }
        if (len + 2 > *cap || !*line) {
            size_t ncap = *cap < 64 ? 128 : *cap * 2;
            char* grown = realloc(*line, ncap);
            if (!grown) {
                f->flags |= F_ERR;
                return -1;
            }
            *line = grown;
            *cap = ncap;
        }
        (*line)[len++] = (char)c;
        if (c == delim)
            break;
        /* Copy the rest of the buffered run at once when it has no delimiter. */
        size_t avail = f->rend - f->rpos;
        if (avail && f->ungot == EOF) {
            unsigned char* start = f->buf + f->rpos;
            unsigned char* hit = memchr(start, delim, avail);
            size_t n = hit ? (size_t)(hit - start) : avail;
            if (n && len + n + 2 <= *cap) {
                memcpy(*line + len, start, n);
                len += n;
                f->rpos += n;
            }
        }
    }
    (*line)[len] = 0;
    return (ssize_t)len;
}

ssize_t getline(char** line, size_t* cap, FILE* f) { return getdelim(line, cap, '\n', f); }
