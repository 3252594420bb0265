/* <grp.h>: the group database, read from /etc/group. */
#ifndef _GRP_H
#define _GRP_H

#include <features.h>
#include <bits/types.h>

struct group {
    char* gr_name;
    char* gr_passwd;
    gid_t gr_gid;
    char** gr_mem;
};

__BEGIN_DECLS
struct group* getgrnam(const char* name);
struct group* getgrgid(gid_t gid);
struct group* getgrent(void);
void setgrent(void);
void endgrent(void);
int getgrouplist(const char* user, gid_t group, gid_t* groups, int* ngroups);
int initgroups(const char* user, gid_t group);
__END_DECLS

#endif
