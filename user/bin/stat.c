/* stat - show file status in GNU stat's default layout. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

static const char *file_type(mode_t m, off_t size)
{
    if (S_ISREG(m)) return size ? "regular file" : "regular empty file";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "symbolic link";
    if (S_ISCHR(m)) return "character special file";
    if (S_ISBLK(m)) return "block special file";
    if (S_ISFIFO(m)) return "fifo";
    if (S_ISSOCK(m)) return "socket";
    return "weird file";
}

static void print_time(const char *label, const struct timespec *ts)
{
    struct tm *tm = localtime(&ts->tv_sec);
    if (!tm) {
        printf("%s: ?\n", label);
        return;
    }
    printf("%s: %04d-%02d-%02d %02d:%02d:%02d.%09ld +0000\n", label, tm->tm_year + 1900, tm->tm_mon + 1,
           tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, (long)ts->tv_nsec);
}

static int show(const char *path, int follow)
{
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) < 0) {
        warn_msg("cannot statx '%s': %s", path, strerror(errno));
        return 1;
    }
    char mode[11];
    mode_string(st.st_mode, mode);
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n < 0 ? 0 : n] = '\0';
        printf("  File: %s -> %s\n", path, target);
    } else {
        printf("  File: %s\n", path);
    }
    printf("  Size: %-10llu\tBlocks: %-10llu IO Block: %-6lu %s\n", (unsigned long long)st.st_size,
           (unsigned long long)st.st_blocks, (unsigned long)st.st_blksize, file_type(st.st_mode, st.st_size));
    printf("Device: %u,%u\tInode: %-11llu Links: ", (unsigned)major(st.st_dev), (unsigned)minor(st.st_dev),
           (unsigned long long)st.st_ino);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        printf("%-5lu Device type: %u,%u", (unsigned long)st.st_nlink, (unsigned)major(st.st_rdev), (unsigned)minor(st.st_rdev));
    else
        printf("%lu", (unsigned long)st.st_nlink);
    printf("\nAccess: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n", (unsigned)(st.st_mode & 07777), mode,
           (unsigned)st.st_uid, user_name(st.st_uid), (unsigned)st.st_gid, group_name(st.st_gid));
    print_time("Access", &st.st_atim);
    print_time("Modify", &st.st_mtim);
    print_time("Change", &st.st_ctim);
    printf(" Birth: -\n");
    return 0;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, follow = 0, status = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "L")) != -1) {
        if (c == 'L')
            follow = 1;
        else
            usage_exit("[-L] FILE...");
    }
    if (o.ind >= argc)
        usage_exit("[-L] FILE...");
    for (int i = o.ind; i < argc; i++)
        status |= show(argv[i], follow);
    return status;
}
