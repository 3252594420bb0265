/* df: free space of the mounted file systems, from statfs64 and /proc/mounts.
 *   df [-h] [-k] [-a] [file...]
 * Without files it lists every mount with a nonzero size (-a: all of them). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The kernel's struct statfs64 on i386 (4-byte aligned 64-bit fields). */
struct statfs64 {
    uint32_t f_type, f_bsize;
    uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    int32_t f_fsid[2];
    uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

static int do_statfs(const char *path, struct statfs64 *st)
{
    return (int)syscall(SYS_statfs64, path, sizeof *st, st);
}

struct row {
    char fs[128], size[24], used[24], avail[24], pct[8], on[128];
};

static int human_flag;

/* Sizes for -h: 1 decimal below 10, rounded up as df does. */
static void format_size(uint64_t bytes, char *out, size_t len)
{
    if (!human_flag) {
        snprintf(out, len, "%llu", (unsigned long long)((bytes + 1023) / 1024));
        return;
    }
    static const char units[] = "KMGTPE";
    if (bytes < 1024) {
        snprintf(out, len, "%llu", (unsigned long long)bytes);
        return;
    }
    int u = 0;
    uint64_t div = 1024;
    while (u < 5 && bytes >= div * 1024) {
        div *= 1024;
        u++;
    }
    uint64_t tenths = (bytes * 10 + div - 1) / div;
    if (tenths < 100)
        snprintf(out, len, "%llu.%llu%c", (unsigned long long)tenths / 10, (unsigned long long)tenths % 10, units[u]);
    else
        snprintf(out, len, "%llu%c", (unsigned long long)((bytes + div - 1) / div), units[u]);
}

static int fill(struct row *r, const char *fs, const char *on, int all)
{
    struct statfs64 st;
    if (do_statfs(on, &st) < 0) {
        fprintf(stderr, "df: %s: %s\n", on, strerror(errno));
        return -1;
    }
    if (!all && st.f_blocks == 0)
        return 1;
    uint64_t bs = st.f_frsize ? st.f_frsize : st.f_bsize;
    uint64_t used = st.f_blocks - st.f_bfree;
    snprintf(r->fs, sizeof r->fs, "%s", fs);
    snprintf(r->on, sizeof r->on, "%s", on);
    format_size(st.f_blocks * bs, r->size, sizeof r->size);
    format_size(used * bs, r->used, sizeof r->used);
    format_size(st.f_bavail * bs, r->avail, sizeof r->avail);
    uint64_t base = used + st.f_bavail;
    if (base)
        snprintf(r->pct, sizeof r->pct, "%llu%%", (unsigned long long)((used * 100 + base - 1) / base));
    else
        snprintf(r->pct, sizeof r->pct, "-");
    return 0;
}

static int width(int w, const char *s)
{
    int n = (int)strlen(s);
    return n > w ? n : w;
}

int main(int argc, char **argv)
{
    int all = 0, c;
    while ((c = getopt(argc, argv, "hkaP")) != -1) {
        switch (c) {
        case 'h': human_flag = 1; break;
        case 'k': human_flag = 0; break;
        case 'a': all = 1; break;
        case 'P': break;
        default:
            fprintf(stderr, "Usage: df [-h] [-k] [-a] [FILE]...\n");
            return 1;
        }
    }
    FILE *m = fopen("/proc/mounts", "r");
    if (!m) {
        fprintf(stderr, "df: cannot read /proc/mounts: %s\n", strerror(errno));
        return 1;
    }
    char (*devs)[128] = NULL, (*dirs)[128] = NULL;
    int nmounts = 0;
    char line[512], dev[128], dir[128];
    while (fgets(line, sizeof line, m)) {
        if (sscanf(line, "%127s %127s", dev, dir) != 2)
            continue;
        devs = realloc(devs, (size_t)(nmounts + 1) * sizeof *devs);
        dirs = realloc(dirs, (size_t)(nmounts + 1) * sizeof *dirs);
        if (!devs || !dirs)
            return 1;
        strcpy(devs[nmounts], dev);
        strcpy(dirs[nmounts], dir);
        nmounts++;
    }
    fclose(m);

    struct row *rows = calloc((size_t)(nmounts + argc + 1), sizeof *rows);
    int n = 0, rc = 0;
    if (optind == argc) {
        for (int i = 0; i < nmounts; i++)
            if (fill(&rows[n], devs[i], dirs[i], all) == 0)
                n++;
    } else {
        for (int a = optind; a < argc; a++) {
            char path[4096];
            if (!realpath(argv[a], path)) {
                fprintf(stderr, "df: %s: %s\n", argv[a], strerror(errno));
                rc = 1;
                continue;
            }
            int best = -1;
            size_t best_len = 0;
            for (int i = 0; i < nmounts; i++) {
                size_t l = strlen(dirs[i]);
                int prefix = strcmp(dirs[i], "/") == 0 ||
                             (strncmp(path, dirs[i], l) == 0 && (path[l] == 0 || path[l] == '/'));
                if (prefix && l >= best_len) {
                    best = i;
                    best_len = l;
                }
            }
            if (best < 0 || fill(&rows[n], devs[best], dirs[best], 1) != 0) {
                rc = 1;
                continue;
            }
            n++;
        }
    }
    const char *hsize = human_flag ? "Size" : "1K-blocks", *havail = human_flag ? "Avail" : "Available";
    int wf = 14, ws = (int)strlen(hsize), wu = 4, wa = (int)strlen(havail), wp = 4;
    if (human_flag)
        ws = wu = wa = 5;
    for (int i = 0; i < n; i++) {
        wf = width(wf, rows[i].fs);
        ws = width(ws, rows[i].size);
        wu = width(wu, rows[i].used);
        wa = width(wa, rows[i].avail);
        wp = width(wp, rows[i].pct);
    }
    printf("%-*s %*s %*s %*s %*s Mounted on\n", wf, "Filesystem", ws, hsize, wu, "Used", wa, havail, wp, "Use%");
    for (int i = 0; i < n; i++)
        printf("%-*s %*s %*s %*s %*s %s\n", wf, rows[i].fs, ws, rows[i].size, wu, rows[i].used, wa, rows[i].avail,
               wp, rows[i].pct, rows[i].on);
    return rc;
}
