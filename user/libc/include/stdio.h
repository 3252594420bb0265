/* <stdio.h>: buffered streams over file descriptors, formatted input and output. */
#ifndef _STDIO_H
#define _STDIO_H

#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>
#include <stdarg.h>
#include <bits/types.h>

#define EOF (-1)
#define BUFSIZ 4096
#define FILENAME_MAX 4096
#define FOPEN_MAX 1000
#define L_tmpnam 20
#define TMP_MAX 10000
#define P_tmpdir "/tmp"

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

__BEGIN_DECLS

typedef struct _FILE FILE;
typedef off_t fpos_t;

extern FILE* const stdin;
extern FILE* const stdout;
extern FILE* const stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

FILE* fopen(const char* __restrict path, const char* __restrict mode);
FILE* fdopen(int fd, const char* mode);
FILE* freopen(const char* __restrict path, const char* __restrict mode, FILE* __restrict stream);
int fclose(FILE* stream);
int fflush(FILE* stream);
int setvbuf(FILE* __restrict stream, char* __restrict buf, int mode, size_t size);
void setbuf(FILE* __restrict stream, char* __restrict buf);
void setlinebuf(FILE* stream);

size_t fread(void* __restrict ptr, size_t size, size_t count, FILE* __restrict stream);
size_t fwrite(const void* __restrict ptr, size_t size, size_t count, FILE* __restrict stream);
int fgetc(FILE* stream);
int getc(FILE* stream);
int getchar(void);
int ungetc(int c, FILE* stream);
char* fgets(char* __restrict s, int size, FILE* __restrict stream);
ssize_t getline(char** __restrict line, size_t* __restrict cap, FILE* __restrict stream);
ssize_t getdelim(char** __restrict line, size_t* __restrict cap, int delim, FILE* __restrict stream);
int fputc(int c, FILE* stream);
int putc(int c, FILE* stream);
int putchar(int c);
int fputs(const char* __restrict s, FILE* __restrict stream);
int puts(const char* s);

int getc_unlocked(FILE* stream);
int getchar_unlocked(void);
int putc_unlocked(int c, FILE* stream);
int putchar_unlocked(int c);
int fputc_unlocked(int c, FILE* stream);
int fgetc_unlocked(FILE* stream);

int printf(const char* __restrict fmt, ...) __printf_like(1, 2);
int fprintf(FILE* __restrict stream, const char* __restrict fmt, ...) __printf_like(2, 3);
int dprintf(int fd, const char* __restrict fmt, ...) __printf_like(2, 3);
int sprintf(char* __restrict buf, const char* __restrict fmt, ...) __printf_like(2, 3);
int snprintf(char* __restrict buf, size_t size, const char* __restrict fmt, ...) __printf_like(3, 4);
int asprintf(char** out, const char* fmt, ...) __printf_like(2, 3);
int vprintf(const char* __restrict fmt, va_list ap) __printf_like(1, 0);
int vfprintf(FILE* __restrict stream, const char* __restrict fmt, va_list ap) __printf_like(2, 0);
int vdprintf(int fd, const char* __restrict fmt, va_list ap) __printf_like(2, 0);
int vsprintf(char* __restrict buf, const char* __restrict fmt, va_list ap) __printf_like(2, 0);
int vsnprintf(char* __restrict buf, size_t size, const char* __restrict fmt, va_list ap) __printf_like(3, 0);
int vasprintf(char** out, const char* fmt, va_list ap) __printf_like(2, 0);

int scanf(const char* __restrict fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE* __restrict stream, const char* __restrict fmt, ...) __attribute__((format(scanf, 2, 3)));
int sscanf(const char* __restrict s, const char* __restrict fmt, ...) __attribute__((format(scanf, 2, 3)));
int vscanf(const char* __restrict fmt, va_list ap);
int vfscanf(FILE* __restrict stream, const char* __restrict fmt, va_list ap);
int vsscanf(const char* __restrict s, const char* __restrict fmt, va_list ap);

int fseek(FILE* stream, long offset, int whence);
int fseeko(FILE* stream, off_t offset, int whence);
long ftell(FILE* stream);
off_t ftello(FILE* stream);
void rewind(FILE* stream);
int fgetpos(FILE* __restrict stream, fpos_t* __restrict pos);
int fsetpos(FILE* stream, const fpos_t* pos);

int fileno(FILE* stream);
int feof(FILE* stream);
int ferror(FILE* stream);
void clearerr(FILE* stream);
void perror(const char* s);

int remove(const char* path);
int rename(const char* oldpath, const char* newpath);
FILE* tmpfile(void);
FILE* popen(const char* command, const char* mode);
int pclose(FILE* stream);

__END_DECLS

#endif
