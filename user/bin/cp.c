/* cp - copy files (-r: directories recursively; SOURCE... DIRECTORY copies into it). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

static int recursive;


static int copy_file(const char *src, const char *dst, mode_t mode)
{
    int in = open(src, O_RDONLY);
    if (in < 0) {
        warn_msg("cannot open '%s' for reading: %s", src, strerror(errno));
        return -1;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
    if (out < 0) {
        warn_msg("cannot create regular file '%s': %s", dst, strerror(errno));
        close(in);
        return -1;
    }
    int r = copy_fd(in, out);
    if (r < 0)
        warn_msg("error copying '%s' to '%s': %s", src, dst, strerror(errno));
    close(in);
    if (close(out) < 0 && r == 0) {
        warn_errno(dst);
        r = -1;
    }
    return r;
}

static int copy_path(const char *src, const char *dst)
{
    struct stat st;
    if (stat(src, &st) < 0) {
        warn_msg("cannot stat '%s': %s", src, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return copy_file(src, dst, st.st_mode);
    if (!recursive) {
        warn_msg("-r not specified; omitting directory '%s'", src);
        return -1;
    }
    if (mkdir(dst, st.st_mode & 07777) < 0 && errno != EEXIST) {
        warn_msg("cannot create directory '%s': %s", dst, strerror(errno));
        return -1;
    }
    DIR *d = opendir(src);
    if (!d) {
        warn_msg("cannot access '%s': %s", src, strerror(errno));
        return -1;
    }
    int r = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *s = path_join(src, e->d_name), *t = path_join(dst, e->d_name);
        if (copy_path(s, t) < 0)
            r = -1;
        free(s);
        free(t);
    }
    closedir(d);
    return r;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "rRafpv")) != -1) {
        if (c == 'r' || c == 'R' || c == 'a')
            recursive = 1;
        else if (c == '?')
            usage_exit("[-r] SOURCE... DEST");
    }
    int n = argc - o.ind;
    if (n < 2)
        usage_exit("[-r] SOURCE... DEST");
    return for_each_source(o.ind, argc, argv, copy_path);
}
