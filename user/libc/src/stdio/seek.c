/* Stream positioning: fseek/fseeko, ftell/ftello, rewind, fgetpos/fsetpos. */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

int fseeko(FILE* f, off_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    if ((f->flags & F_WRITING) && __stdio_flush(f) == EOF)
        return -1;
    if (whence == SEEK_CUR && !(f->flags & F_WRITING))
        offset -= (off_t)(f->rend - f->rpos) + (f->ungot != EOF);
    if (lseek(f->fd, offset, whence) < 0)
        return -1;
    f->rpos = f->rend = f->wpos = 0;
    f->ungot = EOF;
    f->flags &= ~(F_EOF | F_WRITING);
    return 0;
}

off_t ftello(FILE* f)
{
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    if (f->flags & F_WRITING)
        return pos + (off_t)f->wpos;
    return pos - (off_t)(f->rend - f->rpos) - (f->ungot != EOF);
}

int fseek(FILE* f, long offset, int whence) { return fseeko(f, offset, whence); }

long ftell(FILE* f)
{
    off_t pos = ftello(f);
    if (pos > LONG_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (long)pos;
}

void rewind(FILE* f)
{
    fseeko(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}

int fgetpos(FILE* f, fpos_t* pos)
{
    off_t p = ftello(f);
    if (p < 0)
        return -1;
    *pos = p;
    return 0;
}

int fsetpos(FILE* f, const fpos_t* pos) { return fseeko(f, *pos, SEEK_SET); }
