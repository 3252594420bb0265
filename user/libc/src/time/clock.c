/* Clocks and sleeping: time, gettimeofday, clock_gettime, nanosleep, times, clock, interval timers. */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#include "../internal/syscall.h"

int clock_gettime(clockid_t clock, struct timespec* ts) { return SYSCALL2(__NR_clock_gettime, clock, ts); }
int clock_settime(clockid_t clock, const struct timespec* ts) { return SYSCALL2(__NR_clock_settime, clock, ts); }
int clock_getres(clockid_t clock, struct timespec* ts) { return SYSCALL2(__NR_clock_getres, clock, ts); }

int clock_nanosleep(clockid_t clock, int flags, const struct timespec* req, struct timespec* rem)
{
    /* Returns the error number instead of setting errno. */
    long r = __syscall4(__NR_clock_nanosleep, clock, flags, (long)req, (long)rem);
    return r < 0 ? (int)-r : 0;
}

int nanosleep(const struct timespec* req, struct timespec* rem) { return SYSCALL2(__NR_nanosleep, req, rem); }

int gettimeofday(struct timeval* tv, void* tz) { return SYSCALL2(__NR_gettimeofday, tv, tz); }
int settimeofday(const struct timeval* tv, const struct timezone* tz)
{
    return SYSCALL2(__NR_settimeofday, tv, tz);
}

time_t time(time_t* t)
{
    struct timespec ts;
    time_t now;
    if (clock_gettime(CLOCK_REALTIME, &ts) == 0)
        now = ts.tv_sec;
    else
        now = (time_t)SYSCALL1(__NR_time, 0);
    if (t)
        *t = now;
    return now;
}

int timespec_get(struct timespec* ts, int base)
{
    if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) < 0)
        return 0;
    return base;
}

clock_t times(struct tms* buf) { return (clock_t)SYSCALL1(__NR_times, buf); }

/* Processor time in CLOCKS_PER_SEC (microsecond) units. */
clock_t clock(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0)
        return (clock_t)(ts.tv_sec * 1000000L + ts.tv_nsec / 1000);
    struct tms t;
    if (times(&t) == (clock_t)-1)
        return (clock_t)-1;
    return (t.tms_utime + t.tms_stime) * (CLOCKS_PER_SEC / 100);
}

int getitimer(int which, struct itimerval* value) { return SYSCALL2(__NR_getitimer, which, value); }
int setitimer(int which, const struct itimerval* value, struct itimerval* old)
{
    return SYSCALL3(__NR_setitimer, which, value, old);
}

double difftime(time_t end, time_t start) { return (double)end - (double)start; }
