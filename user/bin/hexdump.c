/* hexdump - show file bytes: -C canonical hex+ASCII, default 16-bit hex words; repeated lines become '*'. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static int canonical;

static void print_line(unsigned long off, const unsigned char *b, int n)
{
    if (canonical) {
        printf("%08lx ", off);
        for (int i = 0; i < 16; i++) {
            if (i == 8)
                putchar(' ');
            if (i < n)
                printf(" %02x", b[i]);
            else
                printf("   ");
        }
        printf("  |");
        for (int i = 0; i < n; i++)
            putchar(b[i] >= 32 && b[i] < 127 ? b[i] : '.');
        printf("|\n");
    } else {
        printf("%07lx", off);
        for (int i = 0; i < n; i += 2)
            printf(" %04x", b[i] | (i + 1 < n ? b[i + 1] << 8 : 0));
        putchar('\n');
    }
}

/* Fills a 16-byte line from the inputs in turn; returns the bytes read. */
static int fill(char **files, int *cur, int *fd, unsigned char *b)
{
    int n = 0;
    while (n < 16) {
        if (*fd < 0) {
            if (!files[*cur])
                break;
            *fd = open_input(files[*cur]);
            if (*fd < 0) {
                warn_errno(files[*cur]);
                (*cur)++;
                continue;
            }
        }
        ssize_t r = read(*fd, b + n, 16 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r < 0)
                warn_errno(files[*cur]);
            if (*fd > 0)
                close(*fd);
            *fd = -1;
            (*cur)++;
            continue;
        }
        n += r;
    }
    return n;
}

int main(int argc, char **argv)
{
    struct opts o;
    int c;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "Cv")) != -1) {
        if (c == 'C')
            canonical = 1;
        else if (c != 'v')
            usage_exit("[-C] [FILE]...");
    }
    char *dash[] = { "-", NULL };
    char **files = o.ind < argc ? argv + o.ind : dash;
    int cur = 0, fd = -1, n, squeezing = 0, have_prev = 0;
    unsigned long off = 0;
    unsigned char line[16], prev[16];
    while ((n = fill(files, &cur, &fd, line)) > 0) {
        if (n == 16 && have_prev && !memcmp(line, prev, 16)) {
            if (!squeezing)
                printf("*\n");
            squeezing = 1;
        } else {
            squeezing = 0;
            print_line(off, line, n);
        }
        memcpy(prev, line, 16);
        have_prev = n == 16;
        off += n;
    }
    if (off || canonical)
        printf(canonical ? "%08lx\n" : "%07lx\n", off);
    return 0;
}
