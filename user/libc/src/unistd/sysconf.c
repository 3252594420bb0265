/* sysconf, pathconf, getpagesize, getdtablesize. */
#include <errno.h>
#include <limits.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "../internal/libc.h"

long sysconf(int name)
{
    switch (name) {
    case _SC_ARG_MAX:
        return ARG_MAX;
    case _SC_CHILD_MAX:
        return CHILD_MAX;
    case _SC_CLK_TCK:
        return 100; /* USER_HZ */
    case _SC_NGROUPS_MAX:
        return NGROUPS_MAX;
    case _SC_OPEN_MAX: {
        struct rlimit r;
        if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
            return (long)r.rlim_cur;
        return OPEN_MAX;
    }
    case _SC_STREAM_MAX:
        return 1000;
    case _SC_TZNAME_MAX:
        return 6;
    case _SC_JOB_CONTROL:
    case _SC_SAVED_IDS:
        return 1;
    case _SC_VERSION:
        return _POSIX_VERSION;
    case _SC_PAGESIZE:
        return (long)__page_size;
    case _SC_LINE_MAX:
        return LINE_MAX;
    case _SC_LOGIN_NAME_MAX:
        return LOGIN_NAME_MAX;
    case _SC_TTY_NAME_MAX:
        return TTY_NAME_MAX;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
        return 1;
    case _SC_PHYS_PAGES:
    case _SC_AVPHYS_PAGES: {
        struct sysinfo si;
        if (sysinfo(&si) < 0)
            return -1;
        unsigned long long bytes = (unsigned long long)(name == _SC_PHYS_PAGES ? si.totalram : si.freeram)
            * (si.mem_unit ? si.mem_unit : 1);
        return (long)(bytes / __page_size);
    }
    case _SC_SYMLOOP_MAX:
        return SYMLOOP_MAX;
    case _SC_HOST_NAME_MAX:
        return HOST_NAME_MAX;
    }
    errno = EINVAL;
    return -1;
}

long fpathconf(int fd, int name)
{
    (void)fd;
    switch (name) {
    case _PC_LINK_MAX:
        return LINK_MAX;
    case _PC_MAX_CANON:
        return MAX_CANON;
    case _PC_MAX_INPUT:
        return MAX_INPUT;
    case _PC_NAME_MAX:
        return NAME_MAX;
    case _PC_PATH_MAX:
        return PATH_MAX;
    case _PC_PIPE_BUF:
        return PIPE_BUF;
    }
    errno = EINVAL;
    return -1;
}

long pathconf(const char* path, int name)
{
    (void)path;
    return fpathconf(-1, name);
}

int getpagesize(void) { return (int)__page_size; }
int getdtablesize(void) { return (int)sysconf(_SC_OPEN_MAX); }
