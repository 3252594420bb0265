/* The user database from /etc/passwd: name:password:uid:gid:gecos:home:shell, one user per line. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE* db;
static struct passwd entry;
static char line[512];

/* Split `s` at ':' into at most n fields; returns how many were found. */
int __split_fields(char* s, char** fields, int n)
{
    int count = 0;
    while (count < n) {
        fields[count++] = s;
        char* colon = strchr(s, ':');
        if (!colon)
            break;
        *colon = 0;
        s = colon + 1;
    }
    return count;
}

void setpwent(void)
{
    if (db)
        rewind(db);
}

void endpwent(void)
{
    if (db)
        fclose(db);
    db = NULL;
}

struct passwd* getpwent(void)
{
    if (!db && !(db = fopen("/etc/passwd", "re")))
        return NULL;
    while (fgets(line, sizeof(line), db)) {
        line[strcspn(line, "\n")] = 0;
        char* f[7];
        if (line[0] == '#' || __split_fields(line, f, 7) < 7)
            continue;
        entry.pw_name = f[0];
        entry.pw_passwd = f[1];
        entry.pw_uid = (uid_t)strtoul(f[2], NULL, 10);
        entry.pw_gid = (gid_t)strtoul(f[3], NULL, 10);
        entry.pw_gecos = f[4];
        entry.pw_dir = f[5];
        entry.pw_shell = f[6];
        return &entry;
    }
    return NULL;
}

struct passwd* getpwnam(const char* name)
{
    struct passwd* p;
    setpwent();
    while ((p = getpwent()) && strcmp(p->pw_name, name) != 0)
        ;
    endpwent();
    return p;
}

struct passwd* getpwuid(uid_t uid)
{
    struct passwd* p;
    setpwent();
    while ((p = getpwent()) && p->pw_uid != uid)
        ;
    endpwent();
    return p;
}
