/* kuid_t/kgid_t: user and group ids as the kernel keeps them (one namespace here). */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;

#define KUIDT_INIT(value) ((kuid_t){ (uid_t)(value) })
#define KGIDT_INIT(value) ((kgid_t){ (gid_t)(value) })
#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)

struct user_namespace;
#define init_user_ns (*(struct user_namespace *)0)
#define current_user_ns() (&init_user_ns)

static inline uid_t __kuid_val(kuid_t uid) { return uid.val; }
static inline gid_t __kgid_val(kgid_t gid) { return gid.val; }
static inline bool uid_eq(kuid_t a, kuid_t b) { return a.val == b.val; }
static inline bool gid_eq(kgid_t a, kgid_t b) { return a.val == b.val; }
static inline uid_t from_kuid(struct user_namespace *ns, kuid_t uid) { (void)ns; return uid.val; }
static inline gid_t from_kgid(struct user_namespace *ns, kgid_t gid) { (void)ns; return gid.val; }
static inline uid_t from_kuid_munged(struct user_namespace *ns, kuid_t uid) { (void)ns; return uid.val; }
static inline gid_t from_kgid_munged(struct user_namespace *ns, kgid_t gid) { (void)ns; return gid.val; }

#endif
