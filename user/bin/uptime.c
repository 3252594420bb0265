/* uptime - " 10:41:07 up 0 min,  1 user,  load average: 0.00, 0.00, 0.00" from /proc/uptime and /proc/loadavg. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common.h"

int main(int argc, char **argv)
{
    prog_init(argv);
    FILE *f = fopen("/proc/uptime", "r");
    if (!f) {
        warn_errno("/proc/uptime");
        return 1;
    }
    unsigned long up = 0;
    if (fscanf(f, "%lu", &up) != 1)
        up = 0;
    fclose(f);

    char load[3][16] = { "0.00", "0.00", "0.00" };
    f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%15s %15s %15s", load[0], load[1], load[2]) != 3)
            strcpy(load[0], "0.00");
        fclose(f);
    }

    time_t now = time(NULL);
    struct tm *tm = localtime(&now);
    if (tm)
        printf(" %02d:%02d:%02d up ", tm->tm_hour, tm->tm_min, tm->tm_sec);
    else
        printf(" up ");
    unsigned long days = up / 86400, hours = up / 3600 % 24, mins = up / 60 % 60;
    if (days)
        printf("%lu day%s, ", days, days == 1 ? "" : "s");
    if (hours)
        printf("%2lu:%02lu, ", hours, mins);
    else
        printf("%lu min, ", mins);
    printf(" 1 user,  load average: %s, %s, %s\n", load[0], load[1], load[2]);
    return 0;
}
