/* mkdir - make directories (-p: parents too, no error if existing; -m MODE: octal mode). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "common.h"

static int make_parents(char *path, mode_t mode)
{
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (mkdir(path, saved ? 0777 : mode) < 0 && !(errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
            warn_errno(path);
            *p = saved;
            return -1;
        }
        *p = saved;
        if (!saved)
            return 0;
        while (p[1] == '/')
            p++;
        if (p[1] == '\0')
            return 0;
    }
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, parents = 0, status = 0;
    mode_t mode = 0777;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "pm:v")) != -1) {
        if (c == 'p')
            parents = 1;
        else if (c == 'm')
            mode = strtoul(o.arg, NULL, 8);
        else if (c == '?')
            usage_exit("[-p] [-m MODE] DIRECTORY...");
    }
    if (o.ind >= argc)
        usage_exit("[-p] [-m MODE] DIRECTORY...");
    for (int i = o.ind; i < argc; i++) {
        if (parents) {
            if (make_parents(argv[i], mode) < 0)
                status = 1;
        } else if (mkdir(argv[i], mode) < 0) {
            warn_msg("cannot create directory '%s': %s", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
