/* ln - make links (-s: symbolic, -f: replace existing destination). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char **argv)
{
    struct opts o;
    int c, symbolic = 0, force = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "sfnv")) != -1) {
        if (c == 's')
            symbolic = 1;
        else if (c == 'f')
            force = 1;
        else if (c == '?')
            usage_exit("[-sf] TARGET [LINK_NAME]");
    }
    int n = argc - o.ind;
    if (n < 1 || n > 2)
        usage_exit("[-sf] TARGET [LINK_NAME]");
    const char *target = argv[o.ind];
    const char *base = strrchr(target, '/');
    base = base ? base + 1 : target;
    char *name = (char *)(n == 2 ? argv[o.ind + 1] : base);
    struct stat st;
    if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
        char *full = malloc(strlen(name) + strlen(base) + 2);
        sprintf(full, "%s/%s", name, base);
        name = full;
    }
    if (force)
        unlink(name);
    if ((symbolic ? symlink(target, name) : link(target, name)) < 0) {
        warn_msg("failed to create %slink '%s': %s", symbolic ? "symbolic " : "hard ", name, strerror(errno));
        return 1;
    }
    return 0;
}
