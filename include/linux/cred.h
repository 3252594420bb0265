/* Who the current task is: its user and group ids (Linux's current_cred()). */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/uidgid.h>

/* A task's ids (task->cred, task->real_cred): the kernel's Credentials, one per
 * task here (Linux shares and refcounts them; no one here changes them but the
 * task itself). Field names as Linux's, order the kernel's (kernel/kapi/cred.cpp). */
struct cred {
    kuid_t uid, euid, suid, fsuid;
    kgid_t gid, egid, sgid, fsgid;
};

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

#define current_cred() ((const struct cred *)current->cred)
#define get_current_cred() current_cred()
#define put_cred(cred) do { } while (0)
#define task_uid(task) ((task)->cred->uid)
#define task_euid(task) ((task)->cred->euid)
#define current_uid_gid(_uid, _gid) do { *(_uid) = current_uid(); *(_gid) = current_gid(); } while (0)

#endif
