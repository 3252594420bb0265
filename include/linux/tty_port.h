/* The part of a terminal that outlives its opens (Linux's linux/tty_port.h);
 * here it only names the tty, as vc_data::port.tty does for the guide. */
#ifndef _LINUX_TTY_PORT_H
#define _LINUX_TTY_PORT_H

struct tty_struct;

struct tty_port {
    struct tty_struct *tty;
};

#endif
