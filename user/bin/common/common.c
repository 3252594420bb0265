/* common.c - helpers shared by the /bin commands. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

const char *prog = "?";

void prog_init(char **argv)
{
    const char *slash = strrchr(argv[0], '/');
    prog = slash ? slash + 1 : argv[0];
}

void warn_errno(const char *what)
{
    int e = errno;
    fflush(stdout);
    fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(e));
}

void warn_msg(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void die_msg(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void usage_exit(const char *usage)
{
    fprintf(stderr, "usage: %s %s\n", prog, usage);
    exit(2);
}

void opts_init(struct opts *o, int argc, char **argv)
{
    o->argc = argc;
    o->argv = argv;
    o->ind = 1;
    o->pos = 0;
    o->arg = NULL;
}

int opts_next(struct opts *o, const char *spec)
{
    o->arg = NULL;
    if (o->pos == 0) {
        if (o->ind >= o->argc)
            return -1;
        char *a = o->argv[o->ind];
        if (a[0] != '-' || a[1] == '\0')
            return -1;
        if (!strcmp(a, "--")) {
            o->ind++;
            return -1;
        }
        o->pos = 1;
    }
    char *a = o->argv[o->ind];
    char c = a[o->pos++];
    const char *s = strchr(spec, c);
    if (!s || c == ':') {
        warn_msg("invalid option -- '%c'", c);
        if (!a[o->pos]) {
            o->ind++;
            o->pos = 0;
        }
        return '?';
    }
    if (s[1] == ':') {
        if (a[o->pos]) {
            o->arg = a + o->pos;
        } else if (o->ind + 1 < o->argc) {
            o->arg = o->argv[++o->ind];
        } else {
            warn_msg("option requires an argument -- '%c'", c);
            o->ind++;
            o->pos = 0;
            return '?';
        }
        o->ind++;
        o->pos = 0;
        return c;
    }
    if (!a[o->pos]) {
        o->ind++;
        o->pos = 0;
    }
    return c;
}

int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

int copy_fd(int in, int out)
{
    char buf[4096];
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        if (write_all(out, buf, n) < 0)
            return -1;
    }
}

int parse_ulong(const char *s, unsigned long *out)
{
    unsigned long v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

const char *user_name(uid_t uid)
{
    static char num[4][16];
    static int slot;
    struct passwd *pw = getpwuid(uid);
    if (pw)
        return pw->pw_name;
    slot = (slot + 1) % 4;
    snprintf(num[slot], sizeof num[slot], "%u", (unsigned)uid);
    return num[slot];
}

const char *group_name(gid_t gid)
{
    static char num[4][16];
    static int slot;
    struct group *gr = getgrgid(gid);
    if (gr)
        return gr->gr_name;
    slot = (slot + 1) % 4;
    snprintf(num[slot], sizeof num[slot], "%u", (unsigned)gid);
    return num[slot];
}

void mode_string(mode_t m, char *s)
{
    s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b'
         : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
    s[1] = m & S_IRUSR ? 'r' : '-';
    s[2] = m & S_IWUSR ? 'w' : '-';
    s[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') : (m & S_IXUSR ? 'x' : '-');
    s[4] = m & S_IRGRP ? 'r' : '-';
    s[5] = m & S_IWGRP ? 'w' : '-';
    s[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') : (m & S_IXGRP ? 'x' : '-');
    s[7] = m & S_IROTH ? 'r' : '-';
    s[8] = m & S_IWOTH ? 'w' : '-';
    s[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') : (m & S_IXOTH ? 'x' : '-');
    s[10] = '\0';
}

int open_input(const char *name)
{
    if (!strcmp(name, "-"))
        return 0;
    return open(name, O_RDONLY);
}

char *path_join(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    if (!p)
        die_msg("out of memory");
    sprintf(p, "%s/%s", dir, name);
    return p;
}

int for_each_source(int first, int argc, char **argv, int (*act)(const char *source, const char *target))
{
    const char *dest = argv[argc - 1];
    struct stat st;
    int to_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc - first > 2 && !to_dir)
        die_msg("target '%s' is not a directory", dest);
    int status = 0;
    for (int i = first; i < argc - 1; i++) {
        if (!to_dir) {
            status |= act(argv[i], dest) < 0;
            continue;
        }
        const char *base = strrchr(argv[i], '/');
        char *target = path_join(dest, base && base[1] ? base + 1 : argv[i]);
        status |= act(argv[i], target) < 0;
        free(target);
    }
    return status;
}
