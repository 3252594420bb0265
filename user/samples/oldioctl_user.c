/* oldioctl_user: drives /dev/oldioctl (the oldioctl module's 2.6-style .ioctl):
 * adds each argument to the device's counter, prints the counter and the
 * minor number the driver saw. oldioctl_user DEVICE N... */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "oldioctl.h"

int main(int argc, char **argv)
{
    int counter;
    if (argc < 2) {
        fprintf(stderr, "Usage: oldioctl_user DEVICE [N...]\n");
        return 1;
    }
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        if (ioctl(fd, OLDIOCTL_ADD, atoi(argv[i])) < 0) {
            perror("ioctl OLDIOCTL_ADD");
            return 1;
        }
    }
    if (ioctl(fd, OLDIOCTL_GET, &counter) < 0) {
        perror("ioctl OLDIOCTL_GET");
        return 1;
    }
    printf("counter %d minor %d\n", counter, ioctl(fd, OLDIOCTL_MINOR));
    if (ioctl(fd, 0x1234) >= 0)
        printf("unknown ioctl accepted\n");
    else
        perror("unknown ioctl");
    close(fd);
    return 0;
}
