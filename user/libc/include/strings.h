/* <strings.h>: case-insensitive comparison and the BSD memory functions. */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <features.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

int strcasecmp(const char* a, const char* b);
int strncasecmp(const char* a, const char* b, size_t n);
void bzero(void* s, size_t n);
void bcopy(const void* src, void* dest, size_t n);
int bcmp(const void* a, const void* b, size_t n);
char* index(const char* s, int c);
char* rindex(const char* s, int c);
int ffs(int i);

__END_DECLS

#endif
