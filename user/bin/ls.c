/* ls - list directory contents (-l long, -a all, -d directories themselves, -1 one per line). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

struct entry {
    char *name;   /* as shown */
    char *path;   /* for lstat/readlink */
    struct stat st;
};

static int opt_long, opt_all, opt_dir, opt_one;
static int status;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int num_width(unsigned long long v)
{
    int w = 1;
    while (v >= 10) {
        v /= 10;
        w++;
    }
    return w;
}

static void format_time(time_t t, char *out, size_t size)
{
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    struct tm *tm = localtime(&t);
    time_t now = time(NULL);
    if (!tm) {
        snprintf(out, size, "%12s", "?");
        return;
    }
    /* like GNU ls: the year instead of the time for dates over six months away */
    if (t > now - 183L * 24 * 3600 && t < now + 3600)
        snprintf(out, size, "%s %2d %02d:%02d", months[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min);
    else
        snprintf(out, size, "%s %2d  %4d", months[tm->tm_mon], tm->tm_mday, tm->tm_year + 1900);
}

static void print_long(struct entry *v, int n)
{
    /* minimum widths as in the classic layout, wider when an entry needs it */
    int wl = 4, wu = 8, wg = 8, ws = 9;
    for (int i = 0; i < n; i++) {
        struct stat *st = &v[i].st;
        int w;
        if ((w = num_width(st->st_nlink)) > wl) wl = w;
        if ((w = strlen(user_name(st->st_uid))) > wu) wu = w;
        if ((w = strlen(group_name(st->st_gid))) > wg) wg = w;
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            w = num_width(major(st->st_rdev)) + 2 + 4;
        else
            w = num_width(st->st_size);
        if (w > ws) ws = w;
    }
    for (int i = 0; i < n; i++) {
        struct stat *st = &v[i].st;
        char mode[11], when[32], size[48];
        mode_string(st->st_mode, mode);
        format_time(st->st_mtime, when, sizeof when);
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            snprintf(size, sizeof size, "%u, %3u", (unsigned)major(st->st_rdev), (unsigned)minor(st->st_rdev));
        else
            snprintf(size, sizeof size, "%llu", (unsigned long long)st->st_size);
        printf("%s %*lu %-*s %-*s %*s %s %s", mode, wl, (unsigned long)st->st_nlink,
               wu, user_name(st->st_uid), wg, group_name(st->st_gid), ws, size, when, v[i].name);
        if (S_ISLNK(st->st_mode)) {
            char target[4096];
            ssize_t len = readlink(v[i].path, target, sizeof target - 1);
            if (len >= 0) {
                target[len] = '\0';
                printf(" -> %s", target);
            }
        }
        putchar('\n');
    }
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* Names in columns, filled top to bottom like GNU ls on a terminal. */
static void print_columns(struct entry *v, int n)
{
    int maxlen = 0, width = terminal_width();
    for (int i = 0; i < n; i++) {
        int l = strlen(v[i].name);
        if (l > maxlen)
            maxlen = l;
    }
    int colw = maxlen + 2;
    int cols = width / colw;
    if (cols < 1)
        cols = 1;
    int rows = (n + cols - 1) / cols;
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            int i = c * rows + r;
            if (i >= n)
                break;
            if ((c + 1) * rows + r >= n)
                printf("%s", v[i].name); /* last in its row: no padding */
            else
                printf("%-*s", colw, v[i].name);
        }
        putchar('\n');
    }
}

static void print_entries(struct entry *v, int n)
{
    qsort(v, n, sizeof *v, cmp_entry);
    if (opt_long)
        print_long(v, n);
    else if (opt_one || !isatty(1))
        for (int i = 0; i < n; i++)
            printf("%s\n", v[i].name);
    else
        print_columns(v, n);
}

static void free_entries(struct entry *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].path);
    }
    free(v);
}

static void list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        warn_msg("cannot open directory '%s': %s", dir, strerror(errno));
        status = 2;
        return;
    }
    struct entry *v = NULL;
    int n = 0;
    unsigned long long blocks = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && !opt_all)
            continue;
        v = realloc(v, sizeof *v * (n + 1));
        struct entry *en = &v[n];
        en->name = strdup(e->d_name);
        en->path = malloc(strlen(dir) + strlen(e->d_name) + 2);
        sprintf(en->path, "%s/%s", dir, e->d_name);
        if (lstat(en->path, &en->st) < 0) {
            if (opt_long) {
                warn_msg("cannot access '%s': %s", en->path, strerror(errno));
                status = 1;
                free(en->name);
                free(en->path);
                continue;
            }
            memset(&en->st, 0, sizeof en->st);
        }
        blocks += en->st.st_blocks;
        n++;
    }
    closedir(d);
    if (opt_long)
        printf("total %llu\n", blocks / 2);
    print_entries(v, n);
    free_entries(v, n);
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "ladA1hF")) != -1) {
        switch (c) {
        case 'l': opt_long = 1; break;
        case 'a': case 'A': opt_all = 1; break;
        case 'd': opt_dir = 1; break;
        case '1': opt_one = 1; break;
        case 'h': case 'F': break;
        default: usage_exit("[-ladA1] [FILE]...");
        }
    }
    char *dot[] = { ".", NULL };
    char **args = o.ind < argc ? argv + o.ind : dot;
    int nargs = o.ind < argc ? argc - o.ind : 1;

    /* plain files (and -d directories) first, then each directory's contents */
    struct entry *files = NULL;
    int nfiles = 0;
    char **dirs = malloc(sizeof(char *) * nargs);
    int ndirs = 0;
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        int r = opt_long || opt_dir ? lstat(args[i], &st) : stat(args[i], &st);
        if (r < 0 && lstat(args[i], &st) < 0) {
            warn_msg("cannot access '%s': %s", args[i], strerror(errno));
            status = 2;
            continue;
        }
        if (S_ISDIR(st.st_mode) && !opt_dir) {
            dirs[ndirs++] = args[i];
            continue;
        }
        files = realloc(files, sizeof *files * (nfiles + 1));
        files[nfiles].name = strdup(args[i]);
        files[nfiles].path = strdup(args[i]);
        files[nfiles].st = st;
        nfiles++;
    }
    if (nfiles)
        print_entries(files, nfiles);
    free_entries(files, nfiles);
    qsort(dirs, ndirs, sizeof(char *), cmp_name);
    for (int i = 0; i < ndirs; i++) {
        if (nargs > 1) {
            if (nfiles || i)
                putchar('\n');
            printf("%s:\n", dirs[i]);
        }
        list_dir(dirs[i]);
    }
    free(dirs);
    return status;
}
