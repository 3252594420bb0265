// String and memory functions of the C library, for the kernel and its tests.
// They live in namespace libk so the host build can test them beside the real libc;
// the kernel exports the C names (memcpy, strlen, ...) from kernel/lib/.
#pragma once

#include <stddef.h>

namespace libk {

void* memcpy(void* dest, const void* src, size_t n);
void* memmove(void* dest, const void* src, size_t n);
void* memset(void* dest, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
void* memchr(const void* s, int c, size_t n);

size_t strlen(const char* s);
size_t strnlen(const char* s, size_t max);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t n);
int strcasecmp(const char* a, const char* b);
int strncasecmp(const char* a, const char* b, size_t n);
char* strchr(const char* s, int c);
char* strrchr(const char* s, int c);
char* strstr(const char* haystack, const char* needle);
char* strcpy(char* dest, const char* src);
char* strncpy(char* dest, const char* src, size_t n);
char* strcat(char* dest, const char* src);
char* strncat(char* dest, const char* src, size_t n);
// BSD/Linux: copy at most size-1 bytes, always terminate; return strlen(src).
size_t strlcpy(char* dest, const char* src, size_t size);
size_t strlcat(char* dest, const char* src, size_t size);
size_t strspn(const char* s, const char* accept);
size_t strcspn(const char* s, const char* reject);
char* strpbrk(const char* s, const char* accept);
// Linux: split off the next token at any of `delim`, advancing *stringp.
char* strsep(char** stringp, const char* delim);

// C semantics: base 0 detects 0x / 0 prefixes; *end (if given) points past the digits.
unsigned long strtoul(const char* s, char** end, int base);
long strtol(const char* s, char** end, int base);
unsigned long long strtoull(const char* s, char** end, int base);
long long strtoll(const char* s, char** end, int base);

} // namespace libk
