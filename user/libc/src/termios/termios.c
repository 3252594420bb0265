/* Terminal attributes over the tty ioctls (TCGETS/TCSETS*, TCSBRK, TCXONC, TCFLSH). */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "../internal/syscall.h"

int tcgetattr(int fd, struct termios* t) { return SYSCALL3(__NR_ioctl, fd, TCGETS, t); }

int tcsetattr(int fd, int action, const struct termios* t)
{
    static const unsigned long requests[] = { TCSETS, TCSETSW, TCSETSF };
    if (action < TCSANOW || action > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return SYSCALL3(__NR_ioctl, fd, requests[action], t);
}

void cfmakeraw(struct termios* t)
{
    t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~OPOST;
    t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

speed_t cfgetospeed(const struct termios* t) { return t->c_cflag & CBAUD; }

/* Input speed 0 in CIBAUD means "same as output", as Linux does. */
speed_t cfgetispeed(const struct termios* t)
{
    speed_t in = (t->c_cflag & CIBAUD) >> IBSHIFT;
    return in ? in : cfgetospeed(t);
}

int cfsetospeed(struct termios* t, speed_t speed)
{
    if (speed & ~CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
    return 0;
}

int cfsetispeed(struct termios* t, speed_t speed)
{
    if (speed & ~CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~CIBAUD) | (speed << IBSHIFT);
    return 0;
}

int cfsetspeed(struct termios* t, speed_t speed)
{
    if (cfsetospeed(t, speed) < 0)
        return -1;
    return cfsetispeed(t, speed);
}

int tcdrain(int fd) { return SYSCALL3(__NR_ioctl, fd, TCSBRK, 1); }
int tcflow(int fd, int action) { return SYSCALL3(__NR_ioctl, fd, TCXONC, action); }
int tcflush(int fd, int queue) { return SYSCALL3(__NR_ioctl, fd, TCFLSH, queue); }
int tcsendbreak(int fd, int duration) { return SYSCALL3(__NR_ioctl, fd, TCSBRK, 0); }
