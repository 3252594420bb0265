/* od - octal dump: default octal 16-bit words, -x hex words, -c characters, -b octal bytes. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static char format = 'o';

static void print_line(unsigned long off, const unsigned char *b, int n)
{
    printf("%07lo", off);
    if (format == 'c') {
        for (int i = 0; i < n; i++) {
            static const char esc[] = "\0\a\b\t\n\v\f\r";
            static const char *names[] = { "\\0", "\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r" };
            const char *e = b[i] ? memchr(esc + 1, b[i], sizeof esc - 2) : esc;
            if (e)
                printf(" %3s", names[e - esc]);
            else if (b[i] >= 32 && b[i] < 127)
                printf("   %c", b[i]);
            else
                printf(" %03o", b[i]);
        }
    } else if (format == 'b') {
        for (int i = 0; i < n; i++)
            printf(" %03o", b[i]);
    } else {
        for (int i = 0; i < n; i += 2) {
            unsigned w = b[i] | (i + 1 < n ? b[i + 1] << 8 : 0);
            printf(format == 'x' ? " %04x" : " %06o", w);
        }
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "xcbov")) != -1) {
        if (c == '?')
            usage_exit("[-x|-c|-b] [FILE]...");
        if (c != 'v')
            format = c;
    }
    char *dash[] = { "-", NULL };
    char **files = o.ind < argc ? argv + o.ind : dash;
    unsigned char line[16], prev[16];
    int n = 0, have_prev = 0, squeezing = 0, status = 0;
    unsigned long off = 0;
    for (; *files; files++) {
        int fd = open_input(*files);
        if (fd < 0) {
            warn_errno(*files);
            status = 1;
            continue;
        }
        for (;;) {
            ssize_t r = read(fd, line + n, 16 - n);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            n += r;
            if (n < 16)
                continue;
            if (have_prev && !memcmp(line, prev, 16)) {
                if (!squeezing)
                    printf("*\n");
                squeezing = 1;
            } else {
                squeezing = 0;
                print_line(off, line, 16);
            }
            memcpy(prev, line, 16);
            have_prev = 1;
            off += 16;
            n = 0;
        }
        if (fd > 0)
            close(fd);
    }
    if (n)
        print_line(off, line, n);
    printf("%07lo\n", off + n);
    return status;
}
