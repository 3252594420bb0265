/* strftime for the "C" locale: the POSIX conversions plus GNU's %k %l %P %s (time zone is always UTC). */
#include <stdio.h>
#include <string.h>
#include <time.h>

int __is_leap(long year);

static const char* const day_names[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday" };
static const char* const month_names[] = { "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December" };

struct sink {
    char* s;
    size_t max;
    size_t len;
    int overflow;
};

static void put(struct sink* o, const char* text)
{
    for (; *text; ++text) {
        if (o->len + 1 >= o->max) {
            o->overflow = 1;
            return;
        }
        o->s[o->len++] = *text;
    }
}

static void number(struct sink* o, long value, int width, char pad)
{
    char buf[24];
    if (pad == '0')
        snprintf(buf, sizeof(buf), "%0*ld", width, value);
    else if (pad == ' ')
        snprintf(buf, sizeof(buf), "%*ld", width, value);
    else
        snprintf(buf, sizeof(buf), "%ld", value);
    put(o, buf);
}

/* ISO 8601 week number (%V) and its year (%G). */
static int iso_week(const struct tm* tm, long* iso_year)
{
    long year = 1900L + tm->tm_year;
    int wday = (tm->tm_wday + 6) % 7; /* Monday = 0 */
    int week = (tm->tm_yday - wday + 10) / 7;
    if (week < 1) {
        --year;
        int prev_days = __is_leap(year) ? 366 : 365;
        week = (tm->tm_yday + prev_days - wday + 10) / 7;
    } else {
        int days = __is_leap(year) ? 366 : 365;
        if (week == 53 && tm->tm_yday - wday + 3 >= days) {
            week = 1;
            ++year;
        }
    }
    *iso_year = year;
    return week;
}

static void format(struct sink* o, const char* fmt, const struct tm* tm)
{
    for (; *fmt && !o->overflow; ++fmt) {
        if (*fmt != '%') {
            char c[2] = { *fmt, 0 };
            put(o, c);
            continue;
        }
        ++fmt;
        char pad = 0; /* GNU flags: '-' no padding, '_' spaces, '0' zeros */
        if (*fmt == '-' || *fmt == '_' || *fmt == '0')
            pad = *fmt++;
        if (*fmt == 'E' || *fmt == 'O')
            ++fmt;
#define NUM(v, w, def) number(o, (v), (w), pad ? (pad == '-' ? 0 : pad == '_' ? ' ' : '0') : (def))
        int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
        long iso_year;
        switch (*fmt) {
        case 'a':
            if (tm->tm_wday < 0 || tm->tm_wday > 6) {
                put(o, "?");
            } else {
                char abbr[4] = { 0 };
                memcpy(abbr, day_names[tm->tm_wday], 3);
                put(o, abbr);
            }
            break;
        case 'A':
            put(o, tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_names[tm->tm_wday] : "?");
            break;
        case 'b':
        case 'h':
            if (tm->tm_mon >= 0 && tm->tm_mon < 12) {
                char abbr[4] = { 0 };
                memcpy(abbr, month_names[tm->tm_mon], 3);
                put(o, abbr);
            } else {
                put(o, "?");
            }
            break;
        case 'B':
            put(o, tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_names[tm->tm_mon] : "?");
            break;
        case 'c':
            format(o, "%a %b %e %H:%M:%S %Y", tm);
            break;
        case 'C':
            NUM((1900L + tm->tm_year) / 100, 2, '0');
            break;
        case 'd':
            NUM(tm->tm_mday, 2, '0');
            break;
        case 'D':
            format(o, "%m/%d/%y", tm);
            break;
        case 'e':
            NUM(tm->tm_mday, 2, ' ');
            break;
        case 'F':
            format(o, "%Y-%m-%d", tm);
            break;
        case 'G':
            iso_week(tm, &iso_year);
            NUM(iso_year, 1, 0);
            break;
        case 'g':
            iso_week(tm, &iso_year);
            NUM(iso_year % 100, 2, '0');
            break;
        case 'H':
            NUM(tm->tm_hour, 2, '0');
            break;
        case 'I':
            NUM(hour12, 2, '0');
            break;
        case 'j':
            NUM(tm->tm_yday + 1, 3, '0');
            break;
        case 'k':
            NUM(tm->tm_hour, 2, ' ');
            break;
        case 'l':
            NUM(hour12, 2, ' ');
            break;
        case 'm':
            NUM(tm->tm_mon + 1, 2, '0');
            break;
        case 'M':
            NUM(tm->tm_min, 2, '0');
            break;
        case 'n':
            put(o, "\n");
            break;
        case 'p':
            put(o, tm->tm_hour < 12 ? "AM" : "PM");
            break;
        case 'P':
            put(o, tm->tm_hour < 12 ? "am" : "pm");
            break;
        case 'r':
            format(o, "%I:%M:%S %p", tm);
            break;
        case 'R':
            format(o, "%H:%M", tm);
            break;
        case 's': {
            struct tm copy = *tm;
            NUM((long)timegm(&copy), 1, 0);
            break;
        }
        case 'S':
            NUM(tm->tm_sec, 2, '0');
            break;
        case 't':
            put(o, "\t");
            break;
        case 'T':
            format(o, "%H:%M:%S", tm);
            break;
        case 'u':
            NUM(tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, 0);
            break;
        case 'U':
            NUM((tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0');
            break;
        case 'V':
            NUM(iso_week(tm, &iso_year), 2, '0');
            break;
        case 'w':
            NUM(tm->tm_wday, 1, 0);
            break;
        case 'W':
            NUM((tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0');
            break;
        case 'x':
            format(o, "%m/%d/%y", tm);
            break;
        case 'X':
            format(o, "%H:%M:%S", tm);
            break;
        case 'y':
            NUM((1900L + tm->tm_year) % 100, 2, '0');
            break;
        case 'Y':
            NUM(1900L + tm->tm_year, 1, 0);
            break;
        case 'z':
            put(o, "+0000");
            break;
        case 'Z':
            put(o, tm->tm_zone ? tm->tm_zone : "UTC");
            break;
        case '%':
            put(o, "%");
            break;
        case 0:
            --fmt;
            break;
        default: {
            char unknown[3] = { '%', *fmt, 0 };
            put(o, unknown);
            break;
        }
        }
#undef NUM
    }
}

size_t strftime(char* s, size_t max, const char* fmt, const struct tm* tm)
{
    struct sink o = { s, max, 0, 0 };
    if (max == 0)
        return 0;
    format(&o, fmt, tm);
    s[o.len] = 0;
    return o.overflow ? 0 : o.len;
}
