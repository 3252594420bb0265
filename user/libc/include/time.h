/* <time.h>: calendar time (UTC only: no time zones), clocks, sleeping, strftime. */
#ifndef _TIME_H
#define _TIME_H

#include <features.h>
#include <bits/types.h>
#include <bits/timespec.h>

#define CLOCKS_PER_SEC 1000000L
#define TIME_UTC 1

struct tm {
    int tm_sec;
    int tm_min;
    int tm_hour;
    int tm_mday;
    int tm_mon;
    int tm_year;
    int tm_wday;
    int tm_yday;
    int tm_isdst;
    long tm_gmtoff;
    const char* tm_zone;
};

__BEGIN_DECLS

extern char* tzname[2];
extern long timezone; /* seconds west of UTC: always 0 here */
extern int daylight;

time_t time(time_t* t);
clock_t clock(void);
double difftime(time_t end, time_t start);
time_t mktime(struct tm* tm);
time_t timegm(struct tm* tm);
struct tm* gmtime(const time_t* t);
struct tm* gmtime_r(const time_t* __restrict t, struct tm* __restrict out);
struct tm* localtime(const time_t* t);
struct tm* localtime_r(const time_t* __restrict t, struct tm* __restrict out);
char* asctime(const struct tm* tm);
char* asctime_r(const struct tm* __restrict tm, char* __restrict buf);
char* ctime(const time_t* t);
char* ctime_r(const time_t* t, char* buf);
size_t strftime(char* __restrict s, size_t max, const char* __restrict fmt, const struct tm* __restrict tm);
void tzset(void);

int nanosleep(const struct timespec* req, struct timespec* rem);
int clock_gettime(clockid_t clock, struct timespec* ts);
int clock_settime(clockid_t clock, const struct timespec* ts);
int clock_getres(clockid_t clock, struct timespec* ts);
int clock_nanosleep(clockid_t clock, int flags, const struct timespec* req, struct timespec* rem);
int timespec_get(struct timespec* ts, int base);

__END_DECLS

#endif
