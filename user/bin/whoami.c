/* whoami - print the user name of the effective user id. */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char **argv)
{
    prog_init(argv);
    uid_t uid = geteuid();
    struct passwd *pw = getpwuid(uid);
    if (!pw)
        die_msg("cannot find name for user ID %u", (unsigned)uid);
    printf("%s\n", pw->pw_name);
    return 0;
}
