/* free - memory usage from /proc/meminfo in procps' layout (KiB; -m MiB, -h human, -b bytes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

static char unit = 'k';

static unsigned long long meminfo(const char *text, const char *key)
{
    const char *p = text;
    size_t len = strlen(key);
    while ((p = strstr(p, key))) {
        if ((p == text || p[-1] == '\n') && p[len] == ':')
            return strtoull(p + len + 1, NULL, 10);
        p += len;
    }
    return 0;
}

static void column(unsigned long long kib)
{
    char buf[32];
    if (unit == 'h') {
        static const char *suffix[] = { "Ki", "Mi", "Gi", "Ti" };
        unsigned long long tenths = kib * 10;
        int i = 0;
        while (tenths >= 10240 && i < 3) {
            tenths = (tenths + 512) / 1024;
            i++;
        }
        if (kib == 0)
            snprintf(buf, sizeof buf, "0B");
        else if (tenths < 100 && i > 0)
            snprintf(buf, sizeof buf, "%llu.%llu%s", tenths / 10, tenths % 10, suffix[i]);
        else
            snprintf(buf, sizeof buf, "%llu%s", tenths / 10, suffix[i]);
    } else {
        unsigned long long v = unit == 'm' ? kib / 1024 : unit == 'g' ? kib / (1024 * 1024) : unit == 'b' ? kib * 1024 : kib;
        snprintf(buf, sizeof buf, "%llu", v);
    }
    printf("%12s", buf);
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "bkmgh")) != -1) {
        if (c == '?')
            usage_exit("[-b|-k|-m|-g|-h]");
        unit = c;
    }
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f) {
        warn_errno("/proc/meminfo");
        return 1;
    }
    static char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);

    unsigned long long total = meminfo(text, "MemTotal"), mfree = meminfo(text, "MemFree");
    unsigned long long buffers = meminfo(text, "Buffers"), cached = meminfo(text, "Cached");
    unsigned long long reclaim = meminfo(text, "SReclaimable"), shared = meminfo(text, "Shmem");
    unsigned long long avail = strstr(text, "MemAvailable:") ? meminfo(text, "MemAvailable") : mfree + buffers + cached;
    unsigned long long cache = buffers + cached + reclaim;
    /* procps 4: used is what is not available */
    unsigned long long used = total > avail ? total - avail : 0;
    unsigned long long swap_total = meminfo(text, "SwapTotal"), swap_free = meminfo(text, "SwapFree");

    printf("               total        used        free      shared  buff/cache   available\n");
    printf("Mem:    ");
    column(total); column(used); column(mfree); column(shared); column(cache); column(avail);
    printf("\nSwap:   ");
    column(swap_total); column(swap_total - swap_free); column(swap_free);
    printf("\n");
    return 0;
}
