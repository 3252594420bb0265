/* strbuf.c - growable strings and allocation helpers that exit on failure. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        write(2, "sh: out of memory\n", 18);
        _exit(2);
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        write(2, "sh: out of memory\n", 18);
        _exit(2);
    }
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

void sb_addc(struct strbuf *sb, char c)
{
    if (sb->len + 2 > sb->cap) {
        sb->cap = sb->cap ? sb->cap * 2 : 32;
        sb->s = xrealloc(sb->s, sb->cap);
    }
    sb->s[sb->len++] = c;
    sb->s[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
    while (*s)
        sb_addc(sb, *s++);
}

char *sb_take(struct strbuf *sb)
{
    char *s = sb->s ? sb->s : xstrdup("");
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}
