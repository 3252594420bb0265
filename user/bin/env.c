/* env - print the environment, or run a command in a modified one (-i: start empty, -u NAME). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

extern char **environ;

int main(int argc, char **argv)
{
    int i = 1;
    prog_init(argv);
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-i") || !strcmp(argv[i], "-")) {
            static char *empty[] = { NULL };
            environ = empty;
        } else if (!strcmp(argv[i], "-u") && i + 1 < argc) {
            unsetenv(argv[++i]);
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            usage_exit("[-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]");
        }
    }
    for (; i < argc && strchr(argv[i], '='); i++)
        putenv(argv[i]);
    if (i >= argc) {
        for (char **e = environ; *e; e++)
            printf("%s\n", *e);
        return 0;
    }
    execvp(argv[i], argv + i);
    warn_msg("'%s': %s", argv[i], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
