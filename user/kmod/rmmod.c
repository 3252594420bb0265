/* rmmod - unload a kernel module: rmmod [-f] NAME|FILE.ko
 * delete_module(2) with O_NONBLOCK (O_TRUNC too for -f: force). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "modules.h"

/* "/lib/modules/my-mod.ko" -> "my_mod", as the kernel names modules. */
static void module_name(const char *arg, char *name, size_t size)
{
    const char *base = strrchr(arg, '/');
    base = base ? base + 1 : arg;
    size_t len = strlen(base);
    if (len > 3 && strcmp(base + len - 3, ".ko") == 0)
        len -= 3;
    if (len >= size)
        len = size - 1;
    for (size_t i = 0; i < len; i++)
        name[i] = base[i] == '-' ? '_' : base[i];
    name[len] = '\0';
}

/* Why the kernel refused, in kmod's words, from /proc/modules. */
static void explain_busy(const char *name, int err)
{
    FILE *f = fopen("/proc/modules", "r");
    struct proc_module m;
    while (f && next_module(f, &m)) {
        if (strcmp(m.name, name) != 0)
            continue;
        const char *users = module_users(&m);
        if (*users)
            fprintf(stderr, "rmmod: ERROR: Module %s is in use by: %s\n", name, users);
        else
            fprintf(stderr, "rmmod: ERROR: Module %s is in use\n", name);
        fclose(f);
        return;
    }
    if (f)
        fclose(f);
    fprintf(stderr, "rmmod: ERROR: could not remove '%s': %s\n", name, strerror(err));
}

int main(int argc, char **argv)
{
    int flags = O_NONBLOCK, opt, status = 0;
    while ((opt = getopt(argc, argv, "fsvw")) != -1) {
        if (opt == 'f')
            flags |= O_TRUNC;
        else if (opt == 'w')
            flags &= ~O_NONBLOCK;
        else if (opt == '?') {
            fprintf(stderr, "Usage: rmmod [-f] MODULE...\n");
            return 1;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "Usage: rmmod [-f] MODULE...\n");
        return 1;
    }
    for (int i = optind; i < argc; i++) {
        char name[64];
        module_name(argv[i], name, sizeof name);
        if (syscall(SYS_delete_module, name, flags) == 0)
            continue;
        status = 1;
        if (errno == ENOENT)
            fprintf(stderr, "rmmod: ERROR: Module %s is not currently loaded\n", name);
        else if (errno == EWOULDBLOCK || errno == EBUSY)
            explain_busy(name, errno);
        else
            fprintf(stderr, "rmmod: ERROR: could not remove '%s': %s\n", name, strerror(errno));
    }
    return status;
}
