/* <string.h>: memory and string functions. */
#ifndef _STRING_H
#define _STRING_H

#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

void* memcpy(void* __restrict dest, const void* __restrict src, size_t n);
void* memmove(void* dest, const void* src, size_t n);
void* memset(void* dest, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
void* memchr(const void* s, int c, size_t n);
void* memrchr(const void* s, int c, size_t n);
void* memmem(const void* haystack, size_t hlen, const void* needle, size_t nlen);
void* mempcpy(void* __restrict dest, const void* __restrict src, size_t n);
void* memccpy(void* __restrict dest, const void* __restrict src, int c, size_t n);

size_t strlen(const char* s);
size_t strnlen(const char* s, size_t max);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t n);
int strcoll(const char* a, const char* b);
size_t strxfrm(char* __restrict dest, const char* __restrict src, size_t n);
char* strchr(const char* s, int c);
char* strrchr(const char* s, int c);
char* strchrnul(const char* s, int c);
char* strstr(const char* haystack, const char* needle);
char* strcasestr(const char* haystack, const char* needle);
char* strcpy(char* __restrict dest, const char* __restrict src);
char* strncpy(char* __restrict dest, const char* __restrict src, size_t n);
char* stpcpy(char* __restrict dest, const char* __restrict src);
char* stpncpy(char* __restrict dest, const char* __restrict src, size_t n);
char* strcat(char* __restrict dest, const char* __restrict src);
char* strncat(char* __restrict dest, const char* __restrict src, size_t n);
size_t strlcpy(char* dest, const char* src, size_t size);
size_t strlcat(char* dest, const char* src, size_t size);
size_t strspn(const char* s, const char* accept);
size_t strcspn(const char* s, const char* reject);
char* strpbrk(const char* s, const char* accept);
char* strsep(char** stringp, const char* delim);
char* strtok(char* __restrict s, const char* __restrict delim);
char* strtok_r(char* __restrict s, const char* __restrict delim, char** __restrict save);
char* strdup(const char* s);
char* strndup(const char* s, size_t n);
char* strerror(int errnum);
int strerror_r(int errnum, char* buf, size_t len);
char* strsignal(int sig);
void explicit_bzero(void* s, size_t n);

__END_DECLS

/* BSD names live in <strings.h>; glibc makes them visible here too. */
#include <strings.h>

#endif
