/* struct new_utsname as uname/newuname (122) fills it: six 65-byte fields, 390 bytes. */
#ifndef _UAPI_LINUX_UTSNAME_H
#define _UAPI_LINUX_UTSNAME_H

#include <linux/stddef.h>

#define __OLD_UTS_LEN 8
#define __NEW_UTS_LEN 64

/* olduname (59) */
struct oldold_utsname {
    char sysname[9];
    char nodename[9];
    char release[9];
    char version[9];
    char machine[9];
};

/* uname (109) */
struct old_utsname {
    char sysname[65];
    char nodename[65];
    char release[65];
    char version[65];
    char machine[65];
};

struct new_utsname {
    char sysname[__NEW_UTS_LEN + 1];
    char nodename[__NEW_UTS_LEN + 1];
    char release[__NEW_UTS_LEN + 1];
    char version[__NEW_UTS_LEN + 1];
    char machine[__NEW_UTS_LEN + 1];
    char domainname[__NEW_UTS_LEN + 1];
};

__UAPI_ASSERT(sizeof(struct oldold_utsname) == 45, "oldold_utsname is 45 bytes");
__UAPI_ASSERT(sizeof(struct old_utsname) == 325, "old_utsname is 325 bytes");
__UAPI_ASSERT(sizeof(struct new_utsname) == 390, "new_utsname is 390 bytes");

#endif
