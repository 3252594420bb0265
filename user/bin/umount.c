/* umount - unmount filesystems: umount DIR... */
#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include "common.h"

int main(int argc, char **argv)
{
    struct opts o;
    int c, status = 0, flags = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "flv")) != -1) {
        if (c == 'f')
            flags |= MNT_FORCE;
        else if (c == 'l')
            flags |= MNT_DETACH;
        else if (c == '?')
            usage_exit("[-f] [-l] DIRECTORY...");
    }
    if (o.ind >= argc)
        usage_exit("[-f] [-l] DIRECTORY...");
    for (int i = o.ind; i < argc; i++) {
        if ((flags ? umount2(argv[i], flags) : umount(argv[i])) < 0) {
            warn_msg("%s: %s", argv[i], strerror(errno));
            status = 32;
        }
    }
    return status;
}
