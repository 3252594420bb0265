/* The string functions libk does not have: duplication, tokenizing, stp*, mem* variants, BSD names. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char* strdup(const char* s)
{
    size_t n = strlen(s) + 1;
    char* copy = malloc(n);
    return copy ? memcpy(copy, s, n) : NULL;
}

char* strndup(const char* s, size_t n)
{
    n = strnlen(s, n);
    char* copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = 0;
    return copy;
}

char* strtok_r(char* s, const char* delim, char** save)
{
    if (!s)
        s = *save;
    s += strspn(s, delim);
    if (!*s) {
        *save = s;
        return NULL;
    }
    char* end = s + strcspn(s, delim);
    if (*end)
        *end++ = 0;
    *save = end;
    return s;
}

char* strtok(char* s, const char* delim)
{
    static char* save;
    return strtok_r(s, delim, &save);
}

char* stpcpy(char* dest, const char* src)
{
    size_t n = strlen(src);
    memcpy(dest, src, n + 1);
    return dest + n;
}

char* stpncpy(char* dest, const char* src, size_t n)
{
    size_t len = strnlen(src, n);
    memcpy(dest, src, len);
    memset(dest + len, 0, n - len);
    return dest + len;
}

char* strchrnul(const char* s, int c)
{
    while (*s && *s != (char)c)
        ++s;
    return (char*)s;
}

char* strcasestr(const char* haystack, const char* needle)
{
    size_t n = strlen(needle);
    for (; *haystack; ++haystack)
        if (strncasecmp(haystack, needle, n) == 0)
            return (char*)haystack;
    return n == 0 ? (char*)haystack : NULL;
}

int strcoll(const char* a, const char* b) { return strcmp(a, b); }

size_t strxfrm(char* dest, const char* src, size_t n)
{
    size_t len = strlen(src);
    if (len < n)
        memcpy(dest, src, len + 1);
    return len;
}

void* memrchr(const void* s, int c, size_t n)
{
    const unsigned char* p = (const unsigned char*)s + n;
    while (n--)
        if (*--p == (unsigned char)c)
            return (void*)p;
    return NULL;
}

void* memmem(const void* haystack, size_t hlen, const void* needle, size_t nlen)
{
    const char* h = haystack;
    if (nlen == 0)
        return (void*)h;
    for (size_t i = 0; i + nlen <= hlen; ++i)
        if (h[i] == *(const char*)needle && memcmp(h + i, needle, nlen) == 0)
            return (void*)(h + i);
    return NULL;
}

void* mempcpy(void* dest, const void* src, size_t n) { return (char*)memcpy(dest, src, n) + n; }

void* memccpy(void* dest, const void* src, int c, size_t n)
{
    unsigned char* d = dest;
    const unsigned char* s = src;
    for (size_t i = 0; i < n; ++i) {
        d[i] = s[i];
        if (s[i] == (unsigned char)c)
            return d + i + 1;
    }
    return NULL;
}

void explicit_bzero(void* s, size_t n)
{
    memset(s, 0, n);
    __asm__ volatile("" : : "r"(s) : "memory"); /* keep the stores */
}

void bzero(void* s, size_t n) { memset(s, 0, n); }
void bcopy(const void* src, void* dest, size_t n) { memmove(dest, src, n); }
int bcmp(const void* a, const void* b, size_t n) { return memcmp(a, b, n); }
char* index(const char* s, int c) { return strchr(s, c); }
char* rindex(const char* s, int c) { return strrchr(s, c); }

int ffs(int i)
{
    return i ? __builtin_ctz((unsigned)i) + 1 : 0;
}
