// The current task's ids and capable() for modules (include/linux/cred.h,
// capability.h): read from the task's Credentials.
#include <kernel/sched.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/export.h>
#include <stddef.h>

// struct cred is the kernel's Credentials (task->cred points at the task's own).
static_assert(sizeof(cred) == sizeof(Credentials));
static_assert(offsetof(cred, uid) == offsetof(Credentials, uid));
static_assert(offsetof(cred, euid) == offsetof(Credentials, euid));
static_assert(offsetof(cred, suid) == offsetof(Credentials, suid));
static_assert(offsetof(cred, fsuid) == offsetof(Credentials, fsuid));
static_assert(offsetof(cred, gid) == offsetof(Credentials, gid));
static_assert(offsetof(cred, egid) == offsetof(Credentials, egid));
static_assert(offsetof(cred, sgid) == offsetof(Credentials, sgid));
static_assert(offsetof(cred, fsgid) == offsetof(Credentials, fsgid));

extern "C" kuid_t current_uid(void) { return { current->cred.uid }; }
EXPORT_SYMBOL(current_uid);
extern "C" kgid_t current_gid(void) { return { current->cred.gid }; }
EXPORT_SYMBOL(current_gid);
extern "C" kuid_t current_euid(void) { return { current->cred.euid }; }
EXPORT_SYMBOL(current_euid);
extern "C" kgid_t current_egid(void) { return { current->cred.egid }; }
EXPORT_SYMBOL(current_egid);
extern "C" kuid_t current_fsuid(void) { return { current->cred.fsuid }; }
EXPORT_SYMBOL(current_fsuid);
extern "C" kgid_t current_fsgid(void) { return { current->cred.fsgid }; }
EXPORT_SYMBOL(current_fsgid);

// No capability sets: root may do everything, others nothing privileged.
extern "C" bool capable(int)
{
    return current->cred.euid == 0;
}
EXPORT_SYMBOL(capable);
