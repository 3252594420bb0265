/* uname - print system information (-a -s -n -r -v -m -o). */
#include <stdio.h>
#include <sys/utsname.h>
#include "common.h"

int main(int argc, char **argv)
{
    struct opts o;
    struct utsname u;
    int c, s = 0, n = 0, r = 0, v = 0, m = 0, os = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "asnrvmpio")) != -1) {
        switch (c) {
        case 'a': s = n = r = v = m = os = 1; break;
        case 's': s = 1; break;
        case 'n': n = 1; break;
        case 'r': r = 1; break;
        case 'v': v = 1; break;
        case 'm': case 'p': case 'i': m = 1; break;
        case 'o': os = 1; break;
        default: usage_exit("[-asnrvmo]");
        }
    }
    if (o.ind < argc)
        usage_exit("[-asnrvmo]");
    if (!(s | n | r | v | m | os))
        s = 1;
    if (uname(&u) < 0) {
        warn_errno("cannot get system name");
        return 1;
    }
    const char *fields[] = { s ? u.sysname : NULL, n ? u.nodename : NULL, r ? u.release : NULL,
                             v ? u.version : NULL, m ? u.machine : NULL, os ? "GNU/Linux" : NULL };
    const char *sep = "";
    for (int i = 0; i < 6; i++) {
        if (fields[i]) {
            printf("%s%s", sep, fields[i]);
            sep = " ";
        }
    }
    printf("\n");
    return 0;
}
