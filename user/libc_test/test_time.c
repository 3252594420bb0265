/* Checks of time functions: clocks, sleeping, calendar conversion in UTC, strftime. */
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

void test_time(void)
{
    time_t now = time(NULL);
    CHECK(now != (time_t)-1);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    CHECK(tv.tv_sec - now <= 1 && tv.tv_sec >= now);

    struct timespec a, b;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
    struct timespec nap = { 0, 20 * 1000 * 1000 };
    CHECK(nanosleep(&nap, NULL) == 0);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
    long long elapsed = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    CHECK(elapsed >= 20 * 1000 * 1000);
    CHECK(usleep(1000) == 0);
    struct tms t;
    CHECK(times(&t) != (clock_t)-1);

    time_t epoch = 0;
    struct tm tm;
    CHECK(gmtime_r(&epoch, &tm) != NULL);
    CHECK(tm.tm_year == 70 && tm.tm_mon == 0 && tm.tm_mday == 1 && tm.tm_wday == 4 && tm.tm_yday == 0);
    time_t moment = 1700000000; /* 2023-11-14 22:13:20 UTC, a Tuesday */
    gmtime_r(&moment, &tm);
    CHECK(tm.tm_year == 123 && tm.tm_mon == 10 && tm.tm_mday == 14 && tm.tm_hour == 22 && tm.tm_min == 13
        && tm.tm_sec == 20 && tm.tm_wday == 2 && tm.tm_yday == 317);
    CHECK(mktime(&tm) == moment);
    char buf[128];
    CHECK(strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b %j %e %u %%", &tm) > 0);
    CHECK_STR(buf, "2023-11-14 22:13:20 Tue Nov 318 14 2 %");
    strftime(buf, sizeof(buf), "%D %T %R %I%p %F %y %C %A %B %Z %s", &tm);
    CHECK_STR(buf, "11/14/23 22:13:20 22:13 10PM 2023-11-14 23 20 Tuesday November UTC 1700000000");
    strftime(buf, sizeof(buf), "%V %G %U %W", &tm);
    CHECK_STR(buf, "46 2023 46 46");
    CHECK(strftime(buf, 5, "%Y-%m-%d", &tm) == 0);
    CHECK_STR(asctime(&tm), "Tue Nov 14 22:13:20 2023\n");
    CHECK_STR(ctime(&moment), "Tue Nov 14 22:13:20 2023\n");

    /* mktime normalises out-of-range fields. */
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = 124;
    tm.tm_mon = 1;
    tm.tm_mday = 30; /* 2024-02-30 -> 2024-03-01 (leap year) */
    mktime(&tm);
    CHECK(tm.tm_mon == 2 && tm.tm_mday == 1 && tm.tm_wday == 5);
    time_t leap_day = 951782400; /* 2000-02-29 */
    gmtime_r(&leap_day, &tm);
    CHECK(tm.tm_year == 100 && tm.tm_mon == 1 && tm.tm_mday == 29);
    time_t before = -86400;
    gmtime_r(&before, &tm);
    CHECK(tm.tm_year == 69 && tm.tm_mon == 11 && tm.tm_mday == 31 && tm.tm_wday == 3);
}
