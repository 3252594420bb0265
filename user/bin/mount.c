/* mount - list mounts (/proc/mounts) or mount a filesystem: mount [-t TYPE] [-o OPTS] SOURCE DIR. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>
#include "common.h"

static const struct {
    const char *name;
    unsigned long set, clear;
} flag_names[] = {
    { "ro", MS_RDONLY, 0 }, { "rw", 0, MS_RDONLY }, { "nosuid", MS_NOSUID, 0 },
    { "suid", 0, MS_NOSUID }, { "nodev", MS_NODEV, 0 }, { "dev", 0, MS_NODEV },
    { "noexec", MS_NOEXEC, 0 }, { "exec", 0, MS_NOEXEC }, { "sync", MS_SYNCHRONOUS, 0 },
    { "async", 0, MS_SYNCHRONOUS }, { "remount", MS_REMOUNT, 0 }, { "noatime", MS_NOATIME, 0 },
    { "bind", MS_BIND, 0 }, { "defaults", 0, 0 },
};

/* Splits "-o ro,foo=1" into MS_* flags and the data string passed to the filesystem. */
static void parse_options(char *opts, unsigned long *flags, char *data, size_t size)
{
    for (char *o = strtok(opts, ","); o; o = strtok(NULL, ",")) {
        size_t i;
        for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
            if (!strcmp(o, flag_names[i].name)) {
                *flags = (*flags | flag_names[i].set) & ~flag_names[i].clear;
                break;
            }
        }
        if (i == sizeof flag_names / sizeof flag_names[0]) {
            if (*data)
                strncat(data, ",", size - strlen(data) - 1);
            strncat(data, o, size - strlen(data) - 1);
        }
    }
}

static int list_mounts(void)
{
    FILE *f = fopen("/proc/mounts", "r");
    if (!f) {
        warn_errno("/proc/mounts");
        return 1;
    }
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char src[128], dir[256], type[64], opts[256];
        if (sscanf(line, "%127s %255s %63s %255s", src, dir, type, opts) == 4)
            printf("%s on %s type %s (%s)\n", src, dir, type, opts);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    const char *type = NULL;
    unsigned long flags = 0;
    char data[256] = "";
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "t:o:rwv")) != -1) {
        switch (c) {
        case 't': type = o.arg; break;
        case 'o': parse_options(o.arg, &flags, data, sizeof data); break;
        case 'r': flags |= MS_RDONLY; break;
        case 'w': flags &= ~MS_RDONLY; break;
        case 'v': break;
        default: usage_exit("[-t TYPE] [-o OPTIONS] SOURCE DIRECTORY");
        }
    }
    int n = argc - o.ind;
    if (n == 0)
        return list_mounts();
    if (n != 2)
        usage_exit("[-t TYPE] [-o OPTIONS] SOURCE DIRECTORY");
    const char *src = argv[o.ind], *dir = argv[o.ind + 1];
    if (!type && !(flags & (MS_REMOUNT | MS_BIND)))
        type = "ext2"; /* the only disk filesystem kernlab has */
    if (mount(src, dir, type, flags, *data ? data : NULL) < 0) {
        warn_msg("mounting %s on %s failed: %s", src, dir, strerror(errno));
        return 32;
    }
    return 0;
}
