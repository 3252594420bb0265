/* <sys/time.h>: gettimeofday, settimeofday, interval timers, utimes and the timeval helpers. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <features.h>
#include <bits/types.h>
#include <bits/timespec.h>
#include <sys/select.h>

#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, op) \
    ((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec op(b)->tv_usec : (a)->tv_sec op(b)->tv_sec)
#define timeradd(a, b, r)                                  \
    do {                                                   \
        (r)->tv_sec = (a)->tv_sec + (b)->tv_sec;           \
        (r)->tv_usec = (a)->tv_usec + (b)->tv_usec;        \
        if ((r)->tv_usec >= 1000000) {                     \
            ++(r)->tv_sec;                                 \
            (r)->tv_usec -= 1000000;                       \
        }                                                  \
    } while (0)
#define timersub(a, b, r)                                  \
    do {                                                   \
        (r)->tv_sec = (a)->tv_sec - (b)->tv_sec;           \
        (r)->tv_usec = (a)->tv_usec - (b)->tv_usec;        \
        if ((r)->tv_usec < 0) {                            \
            --(r)->tv_sec;                                 \
            (r)->tv_usec += 1000000;                       \
        }                                                  \
    } while (0)

__BEGIN_DECLS
int gettimeofday(struct timeval* __restrict tv, void* __restrict tz);
int settimeofday(const struct timeval* tv, const struct timezone* tz);
int getitimer(int which, struct itimerval* value);
int setitimer(int which, const struct itimerval* __restrict value, struct itimerval* __restrict old);
int utimes(const char* path, const struct timeval times[2]);
__END_DECLS

#endif
