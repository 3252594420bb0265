// The C names of the string functions (memcpy, strlen, ...), implemented by
// libk. Compiled into the kernel (the compiler emits memcpy calls; C modules
// call these) and into user space's libc; not into the host build of libk,
// where the host's C library owns these names.
#include <libk/string.h>

extern "C" {

void* memcpy(void* dest, const void* src, size_t n) { return libk::memcpy(dest, src, n); }
void* memmove(void* dest, const void* src, size_t n) { return libk::memmove(dest, src, n); }
void* memset(void* dest, int c, size_t n) { return libk::memset(dest, c, n); }
int memcmp(const void* a, const void* b, size_t n) { return libk::memcmp(a, b, n); }
void* memchr(const void* s, int c, size_t n) { return libk::memchr(s, c, n); }
size_t strlen(const char* s) { return libk::strlen(s); }
size_t strnlen(const char* s, size_t max) { return libk::strnlen(s, max); }
int strcmp(const char* a, const char* b) { return libk::strcmp(a, b); }
int strncmp(const char* a, const char* b, size_t n) { return libk::strncmp(a, b, n); }
int strcasecmp(const char* a, const char* b) { return libk::strcasecmp(a, b); }
int strncasecmp(const char* a, const char* b, size_t n) { return libk::strncasecmp(a, b, n); }
char* strchr(const char* s, int c) { return libk::strchr(s, c); }
char* strrchr(const char* s, int c) { return libk::strrchr(s, c); }
char* strstr(const char* haystack, const char* needle) { return libk::strstr(haystack, needle); }
char* strcpy(char* dest, const char* src) { return libk::strcpy(dest, src); }
char* strncpy(char* dest, const char* src, size_t n) { return libk::strncpy(dest, src, n); }
char* strcat(char* dest, const char* src) { return libk::strcat(dest, src); }
char* strncat(char* dest, const char* src, size_t n) { return libk::strncat(dest, src, n); }
size_t strlcpy(char* dest, const char* src, size_t size) { return libk::strlcpy(dest, src, size); }
size_t strlcat(char* dest, const char* src, size_t size) { return libk::strlcat(dest, src, size); }
size_t strspn(const char* s, const char* accept) { return libk::strspn(s, accept); }
size_t strcspn(const char* s, const char* reject) { return libk::strcspn(s, reject); }
char* strpbrk(const char* s, const char* accept) { return libk::strpbrk(s, accept); }
char* strsep(char** stringp, const char* delim) { return libk::strsep(stringp, delim); }

}
