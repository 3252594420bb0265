/* tail - print the last lines (-n N, or -N) or bytes (-c N) of files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

/* Reads the whole input (files in /proc have no useful size), then prints the end. */
static int tail_fd(int fd, unsigned long n, int bytes)
{
    size_t len = 0, cap = 8192;
    char *buf = malloc(cap);
    ssize_t r;
    for (;;) {
        if (len == cap)
            buf = realloc(buf, cap *= 2);
        if (!buf)
            return -1;
        r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        len += r;
    }
    if (r < 0) {
        free(buf);
        return -1;
    }
    size_t start;
    if (bytes) {
        start = n < len ? len - n : 0;
    } else {
        start = len;
        if (start > 0 && buf[start - 1] == '\n')
            start--; /* the final newline ends the last line */
        unsigned long lines = 0;
        while (start > 0) {
            if (buf[start - 1] == '\n' && ++lines == n)
                break;
            start--;
        }
        if (n == 0)
            start = len;
    }
    int rc = write_all(1, buf + start, len - start);
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, bytes = 0, status = 0;
    unsigned long n = 10;
    prog_init(argv);
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') { /* tail -5 */
        if (parse_ulong(argv[1] + 1, &n) < 0)
            usage_exit("[-n LINES | -c BYTES] [FILE]...");
        argv[1] = argv[0];
        argv++, argc--;
    }
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "n:c:q")) != -1) {
        if ((c == 'n' || c == 'c') && parse_ulong(o.arg[0] == '-' ? o.arg + 1 : o.arg, &n) == 0)
            bytes = c == 'c';
        else if (c != 'q')
            usage_exit("[-n LINES | -c BYTES] [FILE]...");
    }
    char *dash[] = { "-", NULL };
    char **files = o.ind < argc ? argv + o.ind : dash;
    int nfiles = o.ind < argc ? argc - o.ind : 1;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            warn_msg("cannot open '%s' for reading: %s", files[i], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1) {
            printf("%s==> %s <==\n", i ? "\n" : "", files[i]);
            fflush(stdout);
        }
        if (tail_fd(fd, n, bytes) < 0) {
            warn_errno(files[i]);
            status = 1;
        }
        if (fd)
            close(fd);
    }
    return status;
}
