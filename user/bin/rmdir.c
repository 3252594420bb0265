/* rmdir - remove empty directories. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char **argv)
{
    struct opts o;
    int c, status = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "")) != -1)
        usage_exit("DIRECTORY...");
    if (o.ind >= argc)
        usage_exit("DIRECTORY...");
    for (int i = o.ind; i < argc; i++) {
        if (rmdir(argv[i]) < 0) {
            warn_msg("failed to remove '%s': %s", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
