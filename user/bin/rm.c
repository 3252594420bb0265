/* rm - remove files (-r: directories recursively, -f: ignore missing files, no errors). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"

static int recursive, force;

static int remove_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (force && errno == ENOENT)
            return 0;
        warn_msg("cannot remove '%s': %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (unlink(path) < 0) {
            warn_msg("cannot remove '%s': %s", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    if (!recursive) {
        warn_msg("cannot remove '%s': Is a directory", path);
        return -1;
    }
    DIR *d = opendir(path);
    if (!d) {
        warn_msg("cannot remove '%s': %s", path, strerror(errno));
        return -1;
    }
    int status = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *child = malloc(strlen(path) + strlen(e->d_name) + 2);
        sprintf(child, "%s/%s", path, e->d_name);
        if (remove_path(child) < 0)
            status = -1;
        free(child);
    }
    closedir(d);
    if (rmdir(path) < 0) {
        warn_msg("cannot remove '%s': %s", path, strerror(errno));
        return -1;
    }
    return status;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, status = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "rRfiv")) != -1) {
        if (c == 'r' || c == 'R')
            recursive = 1;
        else if (c == 'f')
            force = 1;
        else if (c == '?')
            usage_exit("[-rf] FILE...");
    }
    if (o.ind >= argc) {
        if (force)
            return 0;
        usage_exit("[-rf] FILE...");
    }
    for (int i = o.ind; i < argc; i++) {
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        if (!strcmp(base, ".") || !strcmp(base, "..")) {
            warn_msg("refusing to remove '.' or '..' directory: skipping '%s'", argv[i]);
            status = 1;
            continue;
        }
        if (remove_path(argv[i]) < 0)
            status = 1;
    }
    return status;
}
