/* Who the current task is: its user and group ids (Linux's current_cred()). */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/uidgid.h>

#ifdef __cplusplus
extern "C" {
#endif

kuid_t current_uid(void);
kgid_t current_gid(void);
kuid_t current_euid(void);
kgid_t current_egid(void);
kuid_t current_fsuid(void);
kgid_t current_fsgid(void);

#ifdef __cplusplus
}
#endif

#endif
