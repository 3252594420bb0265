/* sleep - pause for N seconds (fractions like 0.5 allowed). */
#include <errno.h>
#include <time.h>
#include "common.h"

int main(int argc, char **argv)
{
    prog_init(argv);
    if (argc < 2)
        usage_exit("SECONDS...");
    struct timespec total = { 0, 0 };
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        long sec = 0, nsec = 0, scale = 100000000;
        if (!*s)
            die_msg("invalid time interval '%s'", argv[i]);
        for (; *s >= '0' && *s <= '9'; s++)
            sec = sec * 10 + (*s - '0');
        if (*s == '.')
            for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
                nsec += (*s - '0') * scale;
        if (*s == 's')
            s++;
        if (*s)
            die_msg("invalid time interval '%s'", argv[i]);
        total.tv_sec += sec;
        total.tv_nsec += nsec;
        if (total.tv_nsec >= 1000000000) {
            total.tv_sec++;
            total.tv_nsec -= 1000000000;
        }
    }
    while (nanosleep(&total, &total) < 0 && errno == EINTR)
        ;
    return 0;
}
