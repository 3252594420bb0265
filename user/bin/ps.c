/* ps - report processes from /proc/<pid>/stat: default PID TTY TIME CMD; -e/-A all, -f full, BSD "aux". */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

#define HZ 100 /* Linux's USER_HZ: /proc counts clock ticks in it */

struct proc {
    int pid, ppid, tty;
    char state;
    char comm[64];
    unsigned long utime, stime, vsize;
    long rss;
    unsigned long long start; /* ticks after boot */
    uid_t uid;
};

static int read_file(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return n;
}

static int read_proc(int pid, struct proc *p)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    if (read_file(path, buf, sizeof buf) < 0)
        return -1;
    char *open_paren = strchr(buf, '('), *close_paren = strrchr(buf, ')');
    if (!open_paren || !close_paren)
        return -1;
    memset(p, 0, sizeof *p);
    p->pid = pid;
    size_t len = close_paren - open_paren - 1;
    if (len >= sizeof p->comm)
        len = sizeof p->comm - 1;
    memcpy(p->comm, open_paren + 1, len);
    p->comm[len] = '\0';
    /* fields after the command: state ppid pgrp session tty_nr tpgid flags minflt
     * cminflt majflt cmajflt utime stime cutime cstime priority nice threads
     * itrealvalue starttime vsize rss */
    char *f[22] = {0};
    int n = 0;
    for (char *s = strtok(close_paren + 1, " \n"); s && n < 22; s = strtok(NULL, " \n"))
        f[n++] = s;
    if (n < 2)
        return -1;
    p->state = f[0][0];
    p->ppid = atoi(f[1]);
    if (n > 4) p->tty = atoi(f[4]);
    if (n > 12) {
        p->utime = strtoul(f[11], NULL, 10);
        p->stime = strtoul(f[12], NULL, 10);
    }
    if (n > 19) p->start = strtoull(f[19], NULL, 10);
    if (n > 20) p->vsize = strtoul(f[20], NULL, 10);
    if (n > 21) p->rss = strtol(f[21], NULL, 10);
    struct stat st;
    snprintf(path, sizeof path, "/proc/%d", pid);
    p->uid = stat(path, &st) == 0 ? st.st_uid : 0;
    return 0;
}

static void tty_name(int tty, char *out, size_t size)
{
    unsigned major = (tty >> 8) & 0xfff, minor = (tty & 0xff) | ((tty >> 12) & 0xfff00);
    if (tty == 0)
        snprintf(out, size, "?");
    else if (major == 4 && minor < 64)
        snprintf(out, size, "tty%u", minor);
    else if (major == 4)
        snprintf(out, size, "ttyS%u", minor - 64);
    else if (major == 5 && minor == 1)
        snprintf(out, size, "console");
    else if (major >= 136 && major <= 143)
        snprintf(out, size, "pts/%u", (major - 136) * 256 + minor);
    else
        snprintf(out, size, "%u,%u", major, minor);
}

static void cmdline(int pid, const char *comm, char *out, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    int n = read_file(path, out, size);
    if (n <= 0) {
        snprintf(out, size, "[%s]", comm); /* kernel threads have no command line */
        return;
    }
    while (n > 0 && out[n - 1] == '\0')
        n--;
    out[n] = '\0';
    for (int i = 0; i < n; i++)
        if (out[i] == '\0')
            out[i] = ' ';
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static unsigned long uptime_ticks(void)
{
    char buf[64];
    if (read_file("/proc/uptime", buf, sizeof buf) < 0)
        return 0;
    unsigned long sec = strtoul(buf, NULL, 10), cs = 0;
    char *dot = strchr(buf, '.');
    if (dot)
        cs = strtoul(dot + 1, NULL, 10);
    return sec * HZ + cs;
}

static unsigned long mem_total_kb(void)
{
    char buf[256];
    if (read_file("/proc/meminfo", buf, sizeof buf) < 0)
        return 0;
    char *p = strstr(buf, "MemTotal:");
    return p ? strtoul(p + 9, NULL, 10) : 0;
}

/* start time of a process as HH:MM */
static void start_time(struct proc *p, unsigned long up, char *out, size_t size)
{
    time_t now = time(NULL);
    time_t t = now - (time_t)(up / HZ) + (time_t)(p->start / HZ);
    struct tm *tm = localtime(&t);
    if (tm)
        snprintf(out, size, "%02d:%02d", tm->tm_hour, tm->tm_min);
    else
        snprintf(out, size, "?");
}

int main(int argc, char **argv)
{
    int all = 0, full = 0, bsd_user = 0;
    prog_init(argv);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int bsd = a[0] != '-';
        for (a += !bsd; *a; a++) {
            if (*a == 'e' || *a == 'A' || (bsd && (*a == 'a' || *a == 'x')))
                all = 1;
            else if (*a == 'f' && !bsd)
                full = 1;
            else if (*a == 'u' && bsd)
                bsd_user = 1;
            else if (*a != 'w')
                usage_exit("[-ef] | [aux]");
        }
    }

    DIR *d = opendir("/proc");
    if (!d) {
        warn_errno("/proc");
        return 1;
    }
    int *pids = NULL, n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        pids = realloc(pids, sizeof(int) * (n + 1));
        pids[n++] = atoi(e->d_name);
    }
    closedir(d);
    qsort(pids, n, sizeof(int), cmp_int);

    struct proc self;
    int my_tty = read_proc(getpid(), &self) == 0 ? self.tty : 0;
    uid_t my_uid = geteuid();
    unsigned long up = uptime_ticks(), total_kb = mem_total_kb();

    if (bsd_user)
        printf("USER       PID %%CPU %%MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    else if (full)
        printf("UID        PID  PPID  C STIME TTY          TIME CMD\n");
    else
        printf("  PID TTY          TIME CMD\n");
    for (int i = 0; i < n; i++) {
        struct proc p;
        if (read_proc(pids[i], &p) < 0)
            continue;
        if (!all && (my_tty ? p.tty != my_tty : p.uid != my_uid))
            continue;
        char tty[32], cmd[512], when[16];
        unsigned long secs = (p.utime + p.stime) / HZ;
        tty_name(p.tty, tty, sizeof tty);
        if (bsd_user) {
            unsigned long age = up > p.start ? up - p.start : 1;
            unsigned long cpu10 = (p.utime + p.stime) * 1000 / age; /* tenths of a percent */
            unsigned long rss_kb = p.rss > 0 ? p.rss * 4 : 0;
            unsigned long mem10 = total_kb ? rss_kb * 1000 / total_kb : 0;
            cmdline(p.pid, p.comm, cmd, sizeof cmd);
            start_time(&p, up, when, sizeof when);
            printf("%-8s %5d %2lu.%lu %2lu.%lu %6lu %5lu %-8s %-4c %5s %2lu:%02lu %s\n", user_name(p.uid), p.pid,
                   cpu10 / 10, cpu10 % 10, mem10 / 10, mem10 % 10, p.vsize / 1024, rss_kb, tty, p.state, when,
                   secs / 60, secs % 60, cmd);
        } else if (full) {
            cmdline(p.pid, p.comm, cmd, sizeof cmd);
            start_time(&p, up, when, sizeof when);
            printf("%-8s %5d %5d  0 %5s %-8s %02lu:%02lu:%02lu %s\n", user_name(p.uid), p.pid, p.ppid, when, tty,
                   secs / 3600, secs / 60 % 60, secs % 60, cmd);
        } else {
            printf("%5d %-8s %02lu:%02lu:%02lu %s\n", p.pid, tty, secs / 3600, secs / 60 % 60, secs % 60, p.comm);
        }
    }
    free(pids);
    return 0;
}
