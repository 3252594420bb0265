/* The group database from /etc/group: name:password:gid:member,member,... */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_MEMBERS 64

int __split_fields(char* s, char** fields, int n);

static FILE* db;
static struct group entry;
static char line[1024];
static char* members[MAX_MEMBERS + 1];

void setgrent(void)
{
    if (db)
        rewind(db);
}

void endgrent(void)
{
    if (db)
        fclose(db);
    db = NULL;
}

struct group* getgrent(void)
{
    if (!db && !(db = fopen("/etc/group", "re")))
        return NULL;
    while (fgets(line, sizeof(line), db)) {
        line[strcspn(line, "\n")] = 0;
        char* f[4];
        int n = __split_fields(line, f, 4);
        if (line[0] == '#' || n < 3)
            continue;
        entry.gr_name = f[0];
        entry.gr_passwd = f[1];
        entry.gr_gid = (gid_t)strtoul(f[2], NULL, 10);
        int count = 0;
        char* save = NULL;
        for (char* m = n == 4 ? strtok_r(f[3], ",", &save) : NULL; m && count < MAX_MEMBERS;
             m = strtok_r(NULL, ",", &save))
            members[count++] = m;
        members[count] = NULL;
        entry.gr_mem = members;
        return &entry;
    }
    return NULL;
}

struct group* getgrnam(const char* name)
{
    struct group* g;
    setgrent();
    while ((g = getgrent()) && strcmp(g->gr_name, name) != 0)
        ;
    endgrent();
    return g;
}

struct group* getgrgid(gid_t gid)
{
    struct group* g;
    setgrent();
    while ((g = getgrent()) && g->gr_gid != gid)
        ;
    endgrent();
    return g;
}

int getgrouplist(const char* user, gid_t group, gid_t* groups, int* ngroups)
{
    int n = 0, max = *ngroups;
    if (n < max)
        groups[n] = group;
    ++n;
    struct group* g;
    setgrent();
    while ((g = getgrent())) {
        if (g->gr_gid == group)
            continue;
        for (char** m = g->gr_mem; *m; ++m) {
            if (strcmp(*m, user) == 0) {
                if (n < max)
                    groups[n] = g->gr_gid;
                ++n;
                break;
            }
        }
    }
    endgrent();
    int fit = n <= max;
    *ngroups = n;
    return fit ? n : -1;
}

int initgroups(const char* user, gid_t group)
{
    gid_t groups[64];
    int n = 64;
    if (getgrouplist(user, group, groups, &n) < 0)
        n = 64;
    return setgroups((size_t)n, groups);
}
