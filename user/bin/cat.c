/* cat - concatenate files to standard output (-n numbers the lines). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static int number_lines(int fd, unsigned long *line, int *at_start)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (*at_start) {
                printf("%6lu\t", ++*line);
                *at_start = 0;
            }
            putchar(buf[i]);
            if (buf[i] == '\n')
                *at_start = 1;
        }
    }
    fflush(stdout);
    return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, number = 0, status = 0, at_start = 1;
    unsigned long line = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "nu")) != -1) {
        if (c == 'n')
            number = 1;
        else if (c == '?')
            usage_exit("[-n] [FILE]...");
    }
    char *dash[] = { "-", NULL };
    char **files = o.ind < argc ? argv + o.ind : dash;
    for (; *files; files++) {
        int fd = open_input(*files);
        if (fd < 0) {
            warn_errno(*files);
            status = 1;
            continue;
        }
        int r = number ? number_lines(fd, &line, &at_start) : copy_fd(fd, 1);
        if (r < 0) {
            warn_errno(*files);
            status = 1;
        }
        if (fd != 0)
            close(fd);
    }
    return status;
}
