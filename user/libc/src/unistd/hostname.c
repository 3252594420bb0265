/* Host and domain names (from uname) and getlogin. */
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "../internal/syscall.h"

static int copy_name(char* out, size_t len, const char* name)
{
    size_t n = strlen(name);
    if (n >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(out, name, n + 1);
    return 0;
}

int gethostname(char* name, size_t len)
{
    struct utsname u;
    if (uname(&u) < 0)
        return -1;
    return copy_name(name, len, u.nodename);
}

int getdomainname(char* name, size_t len)
{
    struct utsname u;
    if (uname(&u) < 0)
        return -1;
    return copy_name(name, len, u.domainname);
}

int sethostname(const char* name, size_t len) { return SYSCALL2(__NR_sethostname, name, len); }
int setdomainname(const char* name, size_t len) { return SYSCALL2(__NR_setdomainname, name, len); }

char* getlogin(void) { return getenv("LOGNAME"); }
