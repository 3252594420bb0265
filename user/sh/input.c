/* input.c - reads one line from a file descriptor, a byte at a time so that
 * input meant for the commands we start is left in the file (as sh must). */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "sh.h"

/* Returns the line without '\n', or NULL at end of file (or on Ctrl-C when
 * interrupted is given and the shell caught SIGINT). */
char *read_line_intr(int fd, int *interrupted)
{
    struct strbuf sb = {0};
    for (;;) {
        char c;
        ssize_t n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (interrupted && sh_got_sigint) {
                *interrupted = 1;
                free(sb.s);
                return NULL;
            }
            continue;
        }
        if (n <= 0) {
            if (sb.len > 0)
                return sb_take(&sb);
            free(sb.s);
            return NULL;
        }
        if (c == '\n')
            return sb_take(&sb);
        sb_addc(&sb, c);
    }
}

char *read_line_fd(int fd)
{
    return read_line_intr(fd, NULL);
}
