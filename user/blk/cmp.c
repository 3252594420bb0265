/* cmp: compares two files byte by byte.
 *   cmp [-s] file1 file2   exit 0 if equal, 1 if they differ, 2 on trouble */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int silent = 0, c;
    while ((c = getopt(argc, argv, "s")) != -1) {
        if (c != 's') {
            fprintf(stderr, "usage: cmp [-s] file1 file2\n");
            return 2;
        }
        silent = 1;
    }
    if (argc - optind != 2) {
        fprintf(stderr, "usage: cmp [-s] file1 file2\n");
        return 2;
    }
    const char *name[2] = {argv[optind], argv[optind + 1]};
    FILE *f[2];
    for (int i = 0; i < 2; i++) {
        f[i] = strcmp(name[i], "-") == 0 ? stdin : fopen(name[i], "r");
        if (!f[i]) {
            fprintf(stderr, "cmp: %s: %s\n", name[i], strerror(errno));
            return 2;
        }
    }
    unsigned long long byte = 1, line = 1;
    for (;;) {
        int a = getc(f[0]), b = getc(f[1]);
        if (a == EOF || b == EOF) {
            if (a == b)
                return 0;
            if (!silent)
                fprintf(stderr, "cmp: EOF on %s after byte %llu, line %llu\n", name[a == EOF ? 0 : 1], byte - 1,
                        line);
            return 1;
        }
        if (a != b) {
            if (!silent)
                printf("%s %s differ: byte %llu, line %llu\n", name[0], name[1], byte, line);
            return 1;
        }
        if (a == '\n')
            line++;
        byte++;
    }
}
