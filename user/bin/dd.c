/* dd - copy blocks: if= of= bs= ibs= obs= count= skip= seek= conv=notrunc,sync status=none. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

/* Numbers with dd's suffixes: c=1 w=2 b=512 k/K=1024 M G, kB=1000 MB GB. */
static unsigned long long parse_size(const char *s, const char *what)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        die_msg("invalid number: '%s'", s);
    if (!strcmp(end, "") || !strcmp(end, "c")) return v;
    if (!strcmp(end, "w")) return v * 2;
    if (!strcmp(end, "b")) return v * 512;
    if (!strcmp(end, "k") || !strcmp(end, "K") || !strcmp(end, "KiB")) return v << 10;
    if (!strcmp(end, "M") || !strcmp(end, "MiB")) return v << 20;
    if (!strcmp(end, "G") || !strcmp(end, "GiB")) return v << 30;
    if (!strcmp(end, "kB") || !strcmp(end, "KB")) return v * 1000;
    if (!strcmp(end, "MB")) return v * 1000000;
    if (!strcmp(end, "GB")) return v * 1000000000ULL;
    die_msg("invalid number: '%s'", s);
}

/* "1.0 MB" style, one decimal below 10 like GNU dd. */
static void human(unsigned long long v, unsigned base, char *out, size_t size)
{
    static const char *si[] = { "", "kB", "MB", "GB", "TB" };
    static const char *iec[] = { "", "KiB", "MiB", "GiB", "TiB" };
    unsigned long long scaled = v * 10; /* tenths */
    int unit = 0;
    while (scaled >= 10ULL * base && unit < 4) {
        scaled = (scaled + base / 2) / base;
        unit++;
    }
    const char *u = base == 1000 ? si[unit] : iec[unit];
    if (scaled < 100)
        snprintf(out, size, "%llu.%llu %s", scaled / 10, scaled % 10, u);
    else
        snprintf(out, size, "%llu %s", (scaled + 5) / 10, u);
}

/* Microseconds; integers only, so dd needs no FPU. */
static unsigned long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000ULL + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
    const char *in_name = NULL, *out_name = NULL;
    unsigned long long ibs = 512, obs = 512, count = ~0ULL, skip = 0, seek = 0;
    int notrunc = 0, sync_pad = 0, quiet = 0;
    prog_init(argv);
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq)
            die_msg("unrecognized operand '%s'", argv[i]);
        *eq = '\0';
        const char *k = argv[i], *v = eq + 1;
        if (!strcmp(k, "if")) in_name = v;
        else if (!strcmp(k, "of")) out_name = v;
        else if (!strcmp(k, "bs")) ibs = obs = parse_size(v, k);
        else if (!strcmp(k, "ibs")) ibs = parse_size(v, k);
        else if (!strcmp(k, "obs")) obs = parse_size(v, k);
        else if (!strcmp(k, "count")) count = parse_size(v, k);
        else if (!strcmp(k, "skip")) skip = parse_size(v, k);
        else if (!strcmp(k, "seek")) seek = parse_size(v, k);
        else if (!strcmp(k, "conv")) {
            notrunc = strstr(v, "notrunc") != NULL;
            sync_pad = strstr(v, "sync") != NULL;
        } else if (!strcmp(k, "status")) quiet = !strcmp(v, "none");
        else die_msg("unrecognized operand '%s'", k);
    }
    if (ibs == 0 || obs == 0)
        die_msg("invalid block size");

    int in = 0, out = 1;
    if (in_name && (in = open(in_name, O_RDONLY)) < 0) {
        warn_msg("failed to open '%s': %s", in_name, strerror(errno));
        return 1;
    }
    if (out_name) {
        int flags = O_WRONLY | O_CREAT | (notrunc || seek ? 0 : O_TRUNC);
        if ((out = open(out_name, flags, 0666)) < 0) {
            warn_msg("failed to open '%s': %s", out_name, strerror(errno));
            return 1;
        }
        if (seek && !notrunc)
            ftruncate(out, seek * obs); /* fails harmlessly on devices */
    }
    if (skip && lseek(in, skip * ibs, SEEK_SET) < 0) {
        /* not seekable: read and drop */
        char *junk = malloc(ibs);
        for (unsigned long long i = 0; i < skip; i++)
            if (read(in, junk, ibs) <= 0)
                break;
        free(junk);
    }
    if (seek && lseek(out, seek * obs, SEEK_SET) < 0) {
        warn_msg("cannot seek '%s': %s", out_name ? out_name : "standard output", strerror(errno));
        return 1;
    }

    /* one buffer of ibs bytes; output goes out in obs pieces */
    char *buf = malloc(ibs);
    if (!buf)
        die_msg("memory exhausted");
    unsigned long long full_in = 0, part_in = 0, full_out = 0, part_out = 0, bytes = 0;
    int status = 0;
    unsigned long long start = now_us();
    while (full_in + part_in < count) {
        ssize_t n = read(in, buf, ibs);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_msg("error reading '%s': %s", in_name ? in_name : "standard input", strerror(errno));
            status = 1;
            break;
        }
        if (n == 0)
            break;
        if ((unsigned long long)n == ibs)
            full_in++;
        else
            part_in++;
        if (sync_pad && (unsigned long long)n < ibs) {
            memset(buf + n, 0, ibs - n);
            n = ibs;
        }
        for (ssize_t off = 0; off < n; ) {
            size_t chunk = (unsigned long long)(n - off) < obs ? (size_t)(n - off) : (size_t)obs;
            ssize_t w = write(out, buf + off, chunk);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                warn_msg("error writing '%s': %s", out_name ? out_name : "standard output",
                         strerror(w < 0 ? errno : ENOSPC));
                status = 1;
                goto done;
            }
            if ((size_t)w == obs)
                full_out++;
            else
                part_out++;
            bytes += w;
            off += w;
        }
    }
done:
    if (out_name && close(out) < 0) {
        warn_errno(out_name);
        status = 1;
    }
    if (!quiet) {
        unsigned long long usec = now_us() - start;
        char si[32], iec[32], rate[32];
        fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n", full_in, part_in, full_out, part_out);
        unsigned long long per_sec = usec ? bytes * 1000000ULL / usec : 0;
        human(per_sec, 1000, rate, sizeof rate);
        if (bytes < 1000) {
            fprintf(stderr, "%llu bytes copied, %llu.%06llu s, %s/s\n", bytes, usec / 1000000, usec % 1000000, rate);
        } else {
            human(bytes, 1000, si, sizeof si);
            human(bytes, 1024, iec, sizeof iec);
            fprintf(stderr, "%llu bytes (%s, %s) copied, %llu.%06llu s, %s/s\n", bytes, si, iec,
                    usec / 1000000, usec % 1000000, rate);
        }
    }
    free(buf);
    return status;
}
