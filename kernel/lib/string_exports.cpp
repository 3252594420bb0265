// The C names of the string functions: the compiler emits calls to memcpy and
// memset on its own, and modules written in C call them by these names.
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
char* strchr(const char* s, int c) { return libk::strchr(s, c); }
char* strrchr(const char* s, int c) { return libk::strrchr(s, c); }
char* strstr(const char* h, const char* n) { return libk::strstr(h, n); }
char* strcpy(char* d, const char* s) { return libk::strcpy(d, s); }
char* strncpy(char* d, const char* s, size_t n) { return libk::strncpy(d, s, n); }
char* strcat(char* d, const char* s) { return libk::strcat(d, s); }
char* strncat(char* d, const char* s, size_t n) { return libk::strncat(d, s, n); }
size_t strlcpy(char* d, const char* s, size_t n) { return libk::strlcpy(d, s, n); }
size_t strlcat(char* d, const char* s, size_t n) { return libk::strlcat(d, s, n); }
char* strsep(char** s, const char* delim) { return libk::strsep(s, delim); }
unsigned long simple_strtoul(const char* s, char** end, unsigned int base) { return libk::strtoul(s, end, static_cast<int>(base)); }
long simple_strtol(const char* s, char** end, unsigned int base) { return libk::strtol(s, end, static_cast<int>(base)); }
}
