/* evread: reads struct input_event records from an evdev node, the way a
 * program reads /dev/input/eventN on Linux, and prints one line per event.
 *   evread [-i] [-N] [-g] [-n COUNT] [-t MS] /dev/input/event0
 * -i   print the device's name, phys, id and event types first (ioctls)
 * -N   open with O_NONBLOCK and read once (EAGAIN when nothing is queued)
 * -g   grab the device (EVIOCGRAB): other readers get nothing meanwhile
 * -n   stop after COUNT events          -t   poll() for at most MS per wait
 * Exit status: 0, or 1 on an error or a poll() timeout. */
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void print_identity(int fd)
{
    char name[64] = "", phys[64] = "";
    struct input_id id;
    int version = 0;
    unsigned long types = 0;

    if (ioctl(fd, EVIOCGVERSION, &version) < 0 || ioctl(fd, EVIOCGID, &id) < 0
        || ioctl(fd, EVIOCGNAME(sizeof(name)), name) < 0 || ioctl(fd, EVIOCGBIT(0, sizeof(types)), &types) < 0) {
        printf("evread: ioctl: %s\n", strerror(errno));
        return;
    }
    ioctl(fd, EVIOCGPHYS(sizeof(phys)), phys);   /* a device may have none */
    printf("evdev version %d.%d.%d\n", version >> 16, (version >> 8) & 0xff, version & 0xff);
    printf("name \"%s\" phys \"%s\"\n", name, phys);
    printf("bus %04x vendor %04x product %04x version %04x\n", id.bustype, id.vendor, id.product, id.version);
    printf("event types %lx\n", types);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int identity = 0, nonblock = 0, grab = 0;
    long count = -1, timeout = -1;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-i"))
            identity = 1;
        else if (!strcmp(argv[i], "-N"))
            nonblock = 1;
        else if (!strcmp(argv[i], "-g"))
            grab = 1;
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            count = atol(argv[++i]);
        else if (!strcmp(argv[i], "-t") && i + 1 < argc)
            timeout = atol(argv[++i]);
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: evread [-i] [-N] [-g] [-n COUNT] [-t MS] DEVICE\n");
        return 1;
    }

    int fd = open(path, O_RDONLY | (nonblock ? O_NONBLOCK : 0));
    if (fd < 0) {
        printf("evread: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (identity)
        print_identity(fd);
    if (grab && ioctl(fd, EVIOCGRAB, 1) < 0) {
        printf("evread: EVIOCGRAB: %s\n", strerror(errno));
        return 1;
    }
    if (identity && count < 0 && !nonblock)
        return 0;
    printf("evread: reading %s\n", path);
    fflush(stdout);

    long seen = 0;
    while (count < 0 || seen < count) {
        if (timeout >= 0) {
            struct pollfd pfd = { .fd = fd, .events = POLLIN };
            int ready = poll(&pfd, 1, (int)timeout);
            if (ready < 0) {
                printf("evread: poll: %s\n", strerror(errno));
                return 1;
            }
            if (ready == 0) {
                printf("evread: poll: timeout after %ld events\n", seen);
                return 1;
            }
        }
        struct input_event events[8];
        ssize_t n = read(fd, events, sizeof(events));
        if (n < 0) {
            printf("evread: read: %s\n", strerror(errno));
            return 1;
        }
        if (n % sizeof(events[0]) != 0) {
            printf("evread: read returned %zd bytes, not whole events\n", n);
            return 1;
        }
        for (ssize_t i = 0; i < n / (ssize_t)sizeof(events[0]); i++) {
            printf("event time=%ld.%06ld type=%u code=%u value=%d\n", (long)events[i].time.tv_sec,
                   (long)events[i].time.tv_usec, events[i].type, events[i].code, events[i].value);
            seen++;
        }
        fflush(stdout);
        if (nonblock)
            break;
    }
    return 0;
}
