/* dmesg - print the kernel ring buffer (-c read and clear, -C clear, -n LEVEL console level, -r raw). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>
#include "common.h"

/* syslog(2) actions */
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_BUFFER 10

int main(int argc, char **argv)
{
    struct opts o;
    int c, raw = 0, action = SYSLOG_ACTION_READ_ALL;
    unsigned long level = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "cCrn:")) != -1) {
        switch (c) {
        case 'c': action = SYSLOG_ACTION_READ_CLEAR; break;
        case 'C': action = SYSLOG_ACTION_CLEAR; break;
        case 'r': raw = 1; break;
        case 'n':
            if (parse_ulong(o.arg, &level) < 0 || level < 1 || level > 8)
                die_msg("invalid level '%s'", o.arg);
            action = SYSLOG_ACTION_CONSOLE_LEVEL;
            break;
        default: usage_exit("[-c | -C | -r | -n LEVEL]");
        }
    }
    if (action == SYSLOG_ACTION_CLEAR || action == SYSLOG_ACTION_CONSOLE_LEVEL) {
        if (klogctl(action, NULL, (int)level) < 0) {
            warn_errno("klogctl failed");
            return 1;
        }
        return 0;
    }
    int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
    if (size < 16 * 1024)
        size = 16 * 1024;
    char *buf = malloc(size);
    if (!buf)
        die_msg("memory exhausted");
    int n = klogctl(action, buf, size);
    if (n < 0) {
        warn_errno("read kernel buffer failed");
        return 1;
    }
    if (raw) {
        write_all(1, buf, n);
        return 0;
    }
    /* drop the "<N>" level prefix at the start of each record */
    char *p = buf, *end = buf + n;
    while (p < end) {
        char *nl = memchr(p, '\n', end - p);
        char *line_end = nl ? nl + 1 : end;
        if (*p == '<') {
            char *q = p + 1;
            while (q < line_end && *q >= '0' && *q <= '9')
                q++;
            if (q < line_end && *q == '>' && q > p + 1)
                p = q + 1;
        }
        if (write_all(1, p, line_end - p) < 0)
            return 1;
        p = line_end;
    }
    if (n > 0 && buf[n - 1] != '\n')
        write_all(1, "\n", 1);
    return 0;
}
