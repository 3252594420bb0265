/* The FILE structure and the helpers the stdio files share. */
#ifndef _LIBC_INTERNAL_STDIO_IMPL_H
#define _LIBC_INTERNAL_STDIO_IMPL_H

#include <stdarg.h>
#include <stdio.h>

#define F_READ 0x01    /* opened for reading */
#define F_WRITE 0x02   /* opened for writing */
#define F_EOF 0x04     /* end of file seen */
#define F_ERR 0x08     /* an I/O error happened */
#define F_OWNBUF 0x10  /* buf was malloc'ed by us */
#define F_STATIC 0x20  /* stdin/stdout/stderr: never freed */
#define F_WRITING 0x40 /* buf holds pending output (else: unread input, if any) */

#define MODE_UNDECIDED (-1)

struct _FILE {
    int fd;
    unsigned flags;
    int mode;           /* _IOFBF, _IOLBF, _IONBF or MODE_UNDECIDED (decided at first use) */
    unsigned char* buf;
    size_t size;        /* capacity of buf */
    size_t rpos, rend;  /* unread input is buf[rpos..rend) */
    size_t wpos;        /* pending output is buf[0..wpos) */
    int ungot;          /* a character pushed back by ungetc when the buffer has no room, or EOF */
    int pid;            /* popen: the child */
    unsigned char small; /* the one-byte buffer of unbuffered streams */
    struct _FILE* next; /* all open streams, for fflush(NULL) and exit */
};

extern struct _FILE* __stdio_list;

/* Allocate the buffer and decide the buffering mode if not done yet. */
void __stdio_setup(FILE* f);
/* Write out pending output; 0 or EOF. */
int __stdio_flush(FILE* f);
/* Switch a stream to reading (flushing output) or writing (dropping read-ahead); 0 or EOF. */
int __stdio_to_read(FILE* f);
int __stdio_to_write(FILE* f);
/* Fill the read buffer; returns the number of bytes now available (0 at EOF or error). */
size_t __stdio_refill(FILE* f);
/* "r", "w+", "ae" ... -> open(2) flags and F_READ/F_WRITE; -1 on a bad mode. */
int __stdio_parse_mode(const char* mode, unsigned* flags);
FILE* __stdio_new(int fd, unsigned flags);
void __stdio_link(FILE* f);
void __stdio_unlink(FILE* f);

/* The printf engine: formats into `sink`, which receives chunks; returns the total length. */
typedef void (*__format_sink)(void* ctx, const char* s, size_t n);
int __vformat(__format_sink sink, void* ctx, const char* fmt, va_list ap);

/* libk's vsnprintf (integers, strings), exported with a C name by libk_format.cpp. */
int __libk_snprintf(char* buf, size_t size, const char* fmt, ...);

#endif
