/* id - print user and group ids: uid=0(root) gid=0(root) groups=0(root); -u, -g, -G, -n. */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>
#include "common.h"

static void print_id(const char *label, unsigned id, const char *name, int known)
{
    printf("%s%u", label, id);
    if (known)
        printf("(%s)", name);
}

int main(int argc, char **argv)
{
    struct opts o;
    int c, only = 0, names = 0;
    prog_init(argv);
    opts_init(&o, argc, argv);
    while ((c = opts_next(&o, "ugGnr")) != -1) {
        if (c == 'u' || c == 'g' || c == 'G')
            only = c;
        else if (c == 'n')
            names = 1;
        else if (c == '?')
            usage_exit("[-u|-g|-G] [-n]");
    }
    uid_t uid = geteuid();
    gid_t gid = getegid();
    gid_t groups[64];
    int ng = getgroups(64, groups);
    if (ng <= 0) {
        groups[0] = gid;
        ng = 1;
    }
    if (only == 'u' || only == 'g') {
        unsigned id = only == 'u' ? uid : gid;
        if (names)
            printf("%s\n", only == 'u' ? user_name(uid) : group_name(gid));
        else
            printf("%u\n", id);
        return 0;
    }
    if (only == 'G') {
        for (int i = 0; i < ng; i++)
            printf(i ? " %s" : "%s", names ? group_name(groups[i]) : "");
        if (!names)
            for (int i = 0; i < ng; i++)
                printf(i ? " %u" : "%u", (unsigned)groups[i]);
        printf("\n");
        return 0;
    }
    print_id("uid=", uid, user_name(uid), getpwuid(uid) != NULL);
    print_id(" gid=", gid, group_name(gid), getgrgid(gid) != NULL);
    printf(" groups=");
    for (int i = 0; i < ng; i++)
        print_id(i ? "," : "", groups[i], group_name(groups[i]), getgrgid(groups[i]) != NULL);
    printf("\n");
    return 0;
}
