/* head - print the first lines (-n N, or -N) or bytes (-c N) of files. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static int head_fd(int fd, unsigned long n, int bytes)
{
    char buf[4096];
    ssize_t r;
    while (n > 0 && (r = read(fd, buf, sizeof buf)) > 0) {
        ssize_t take = 0;
        if (bytes) {
            take = (unsigned long)r < n ? r : (ssize_t)n;
            n -= take;
        } else {
            while (take < r && n > 0)
                if (buf[take++] == '\n')
                    n--;
        }
        if (write_all(1, buf, take) < 0)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, bytes = 0, status = 0, quiet = 0;
    unsigned long n = 10;
    prog_init(argv);
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') { /* head -5 */
        if (parse_ulong(argv[1] + 1, &n) < 0)
            usage_exit("[-n LINES | -c BYTES] [FILE]...");
        argv[1] = argv[0];
        argv++, argc--;
    }
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "n:c:q")) != -1) {
        if ((c == 'n' || c == 'c') && parse_ulong(o.arg, &n) == 0)
            bytes = c == 'c';
        else if (c == 'q')
            quiet = 1;
        else
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
        if (nfiles > 1 && !quiet) {
            printf("%s==> %s <==\n", i ? "\n" : "", strcmp(files[i], "-") ? files[i] : "standard input");
            fflush(stdout);
        }
        if (head_fd(fd, n, bytes) < 0) {
            warn_errno(files[i]);
            status = 1;
        }
        if (fd)
            close(fd);
    }
    return status;
}
