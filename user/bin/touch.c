/* touch - create files or set their times to now (-c: don't create). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char **argv)
{
    struct opts o;
    int c, create = 1, status = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "cam")) != -1) {
        if (c == 'c')
            create = 0;
        else if (c == '?')
            usage_exit("[-c] FILE...");
    }
    if (o.ind >= argc)
        usage_exit("[-c] FILE...");
    for (int i = o.ind; i < argc; i++) {
        if (utimensat(AT_FDCWD, argv[i], NULL, 0) == 0)
            continue;
        if (errno != ENOENT || !create) {
            if (errno != ENOENT)
                warn_msg("cannot touch '%s': %s", argv[i], strerror(errno)), status = 1;
            continue;
        }
        int fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
        if (fd < 0) {
            warn_msg("cannot touch '%s': %s", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        close(fd);
    }
    return status;
}
