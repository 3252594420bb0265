/* <pwd.h>: the user database, read from /etc/passwd. */
#ifndef _PWD_H
#define _PWD_H

#include <features.h>
#include <bits/types.h>

struct passwd {
    char* pw_name;
    char* pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char* pw_gecos;
    char* pw_dir;
    char* pw_shell;
};

__BEGIN_DECLS
struct passwd* getpwnam(const char* name);
struct passwd* getpwuid(uid_t uid);
struct passwd* getpwent(void);
void setpwent(void);
void endpwent(void);
__END_DECLS

#endif
