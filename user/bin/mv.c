/* mv - move (rename) files; SOURCE... DIRECTORY moves into it; across filesystems files are copied. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

static int move_across(const char *src, const char *dst)
{
    struct stat st;
    if (lstat(src, &st) < 0 || !S_ISREG(st.st_mode)) {
        warn_msg("cannot move '%s' to '%s': %s", src, dst, strerror(EXDEV));
        return -1;
    }
    int in = open(src, O_RDONLY);
    int out = in < 0 ? -1 : open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 07777);
    if (in < 0 || out < 0 || copy_fd(in, out) < 0) {
        warn_msg("cannot move '%s' to '%s': %s", src, dst, strerror(errno));
        if (in >= 0)
            close(in);
        return -1;
    }
    close(in);
    close(out);
    if (unlink(src) < 0) {
        warn_errno(src);
        return -1;
    }
    return 0;
}

static int move(const char *src, const char *dst)
{
    if (rename(src, dst) == 0)
        return 0;
    if (errno == EXDEV)
        return move_across(src, dst);
    warn_msg("cannot move '%s' to '%s': %s", src, dst, strerror(errno));
    return -1;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "fiv")) != -1)
        if (c == '?')
            usage_exit("SOURCE... DEST");
    int n = argc - o.ind;
    if (n < 2)
        usage_exit("SOURCE... DEST");
    return for_each_source(o.ind, argc, argv, move);
}
