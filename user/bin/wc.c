/* wc - count lines, words and bytes (-l -w -c) of files. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

struct counts {
    unsigned long long lines, words, bytes;
};

static int show_l, show_w, show_c;

static int count_fd(int fd, struct counts *c)
{
    char buf[4096];
    ssize_t n;
    int in_word = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        c->bytes += n;
        for (ssize_t i = 0; i < n; i++) {
            char ch = buf[i];
            if (ch == '\n')
                c->lines++;
            int space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
            if (!space && !in_word)
                c->words++;
            in_word = !space;
        }
    }
    return n < 0 ? -1 : 0;
}

static void print_counts(struct counts *c, int width, const char *name)
{
    const char *sep = "";
    if (show_l) { printf("%*llu", width, c->lines); sep = " "; }
    if (show_w) { printf("%s%*llu", sep, width, c->words); sep = " "; }
    if (show_c) { printf("%s%*llu", sep, width, c->bytes); }
    if (name)
        printf(" %s", name);
    putchar('\n');
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, status = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "lwcm")) != -1) {
        if (c == 'l') show_l = 1;
        else if (c == 'w') show_w = 1;
        else if (c == 'c' || c == 'm') show_c = 1;
        else usage_exit("[-lwc] [FILE]...");
    }
    if (!show_l && !show_w && !show_c)
        show_l = show_w = show_c = 1;
    int nfiles = argc - o.ind;
    int nfields = show_l + show_w + show_c;

    /* like GNU wc: width from the total file size; 7 for pipes; 1 for a single number */
    int width = 1;
    unsigned long long size_sum = 0;
    int irregular = nfiles == 0;
    for (int i = o.ind; i < argc; i++) {
        struct stat st;
        if (!strcmp(argv[i], "-") || stat(argv[i], &st) < 0 || !S_ISREG(st.st_mode))
            irregular = 1;
        else
            size_sum += st.st_size;
    }
    if (irregular)
        width = 7;
    for (unsigned long long v = size_sum; v >= 10; v /= 10)
        width++;
    if (width < 7 && irregular)
        width = 7;
    if (nfields == 1 && nfiles <= 1)
        width = 1;

    struct counts total = {0};
    if (nfiles == 0) {
        struct counts cnt = {0};
        if (count_fd(0, &cnt) < 0) {
            warn_errno("standard input");
            return 1;
        }
        print_counts(&cnt, width, NULL);
        return 0;
    }
    for (int i = o.ind; i < argc; i++) {
        struct counts cnt = {0};
        int fd = open_input(argv[i]);
        if (fd < 0 || count_fd(fd, &cnt) < 0) {
            warn_errno(argv[i]);
            status = 1;
            if (fd > 0)
                close(fd);
            continue;
        }
        if (fd > 0)
            close(fd);
        print_counts(&cnt, width, argv[i]);
        total.lines += cnt.lines;
        total.words += cnt.words;
        total.bytes += cnt.bytes;
    }
    if (nfiles > 1)
        print_counts(&total, width, "total");
    return status;
}
