/* <termios.h>: terminal attributes; struct termios is the kernel's (TCGETS/TCSETS copy it as is). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <features.h>
#include <bits/types.h>
#include <asm/termbits.h>
#include <asm/ioctls.h>

__BEGIN_DECLS

int tcgetattr(int fd, struct termios* t);
int tcsetattr(int fd, int action, const struct termios* t);
void cfmakeraw(struct termios* t);
speed_t cfgetospeed(const struct termios* t);
speed_t cfgetispeed(const struct termios* t);
int cfsetospeed(struct termios* t, speed_t speed);
int cfsetispeed(struct termios* t, speed_t speed);
int cfsetspeed(struct termios* t, speed_t speed);
int tcdrain(int fd);
int tcflow(int fd, int action);
int tcflush(int fd, int queue);
int tcsendbreak(int fd, int duration);
pid_t tcgetsid(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

__END_DECLS

#endif
