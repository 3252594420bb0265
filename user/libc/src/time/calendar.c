/* Broken-down time in UTC (this system has no time zones): gmtime, localtime, mktime, asctime, ctime. */
#include <stdio.h>
#include <time.h>

char* tzname[2] = { "UTC", "UTC" };
int daylight;
long timezone;

void tzset(void) {}

static int is_leap(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static const int month_days[2][12] = {
    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

/* Days since 1970-01-01 of the civil date y-m-d (m 1..12); works for negative results too. */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct tm* gmtime_r(const time_t* t, struct tm* tm)
{
    long long secs = *t;
    long long days = secs / 86400;
    long rem = (long)(secs % 86400);
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    tm->tm_hour = (int)(rem / 3600);
    tm->tm_min = (int)(rem % 3600 / 60);
    tm->tm_sec = (int)(rem % 60);
    tm->tm_wday = (int)((4 + days % 7 + 7) % 7); /* 1970-01-01 was a Thursday */

    /* Civil date from day count (proleptic Gregorian). */
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    y += m <= 2;

    tm->tm_year = (int)(y - 1900);
    tm->tm_mon = m - 1;
    tm->tm_mday = d;
    tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    tm->tm_zone = "UTC";
    return tm;
}

struct tm* gmtime(const time_t* t)
{
    static struct tm tm;
    return gmtime_r(t, &tm);
}

struct tm* localtime_r(const time_t* t, struct tm* tm) { return gmtime_r(t, tm); }

struct tm* localtime(const time_t* t)
{
    static struct tm tm;
    return gmtime_r(t, &tm);
}

/* Normalises the fields (e.g. tm_mday = 32) and fills tm_wday/tm_yday, like mktime must. */
time_t timegm(struct tm* tm)
{
    long long year = 1900LL + tm->tm_year;
    long long mon = tm->tm_mon;
    year += mon / 12;
    mon %= 12;
    if (mon < 0) {
        mon += 12;
        --year;
    }
    long long days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
    long long secs = days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
    time_t t = (time_t)secs;
    gmtime_r(&t, tm);
    return t;
}

time_t mktime(struct tm* tm) { return timegm(tm); }

char* asctime_r(const struct tm* tm, char* buf)
{
    static const char days[] = "SunMonTueWedThuFriSat";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int wd = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
    int mo = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
    snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", days + wd * 3, months + mo * 3, tm->tm_mday,
        tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    return buf;
}

char* asctime(const struct tm* tm)
{
    static char buf[32];
    return asctime_r(tm, buf);
}

char* ctime_r(const time_t* t, char* buf)
{
    struct tm tm;
    return asctime_r(localtime_r(t, &tm), buf);
}

char* ctime(const time_t* t)
{
    struct tm tm;
    return asctime(localtime_r(t, &tm));
}

/* Used by strftime for %U/%W/%V. */
int __days_in_month(int year, int mon) { return month_days[is_leap(year)][mon]; }
int __is_leap(long year) { return is_leap(year); }
