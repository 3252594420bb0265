/* poweroff, reboot - sync the disks and power off or restart the machine (-f accepted). */
#include <errno.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char **argv)
{
    prog_init(argv);
    int restart = !strcmp(prog, "reboot");
    sync();
    if (reboot(restart ? RB_AUTOBOOT : RB_POWER_OFF) < 0) {
        warn_errno(restart ? "reboot" : "poweroff");
        return 1;
    }
    return 0;
}
