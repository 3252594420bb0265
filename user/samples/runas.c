/* runas: runs a command as another user: runas UID COMMAND [ARGS...]
 * (setgid, setuid, then exec; root only). For tests of what non-root may do. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "Usage: runas UID COMMAND [ARGS...]\n");
        return 1;
    }
    int id = atoi(argv[1]);
    if (setgid(id) < 0 || setuid(id) < 0) {
        fprintf(stderr, "runas: cannot become %d: %s\n", id, strerror(errno));
        return 1;
    }
    execvp(argv[2], argv + 2);
    fprintf(stderr, "runas: %s: %s\n", argv[2], strerror(errno));
    return 127;
}
