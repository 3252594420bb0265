/* ioctl_user: talks to /dev/chardev_ioctl (the chardev_ioctl module) through
 * its ioctls: sets a message, reads it back whole and byte by byte. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "chardev_ioctl.h"

int main(int argc, char **argv)
{
    const char *message = argc > 1 ? argv[1] : "Message passed by ioctl";
    char got[CHARDEV_MSG_LEN];
    int fd = open(CHARDEV_IOCTL_DEVICE, O_RDWR);
    if (fd < 0) {
        perror(CHARDEV_IOCTL_DEVICE);
        return 1;
    }
    if (ioctl(fd, IOCTL_SET_MSG, message) < 0) {
        perror("ioctl IOCTL_SET_MSG");
        return 1;
    }
    printf("set message: %s\n", message);
    if (ioctl(fd, IOCTL_GET_MSG, got) < 0) {
        perror("ioctl IOCTL_GET_MSG");
        return 1;
    }
    printf("get message: %s\n", got);
    printf("get nth byte:");
    for (int i = 0;; i++) {
        int c = ioctl(fd, IOCTL_GET_NTH_BYTE, i);
        if (c <= 0)
            break;
        printf(" %c", c);
    }
    printf("\n");
    close(fd);
    return strcmp(got, message) != 0;
}
