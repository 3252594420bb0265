/* One virtual console (Linux's linux/console_struct.h): kernlab has one, tty1,
 * the VGA screen and the PS/2 keyboard. vc_cons[fg_console].d is it. */
#ifndef _LINUX_CONSOLE_STRUCT_H
#define _LINUX_CONSOLE_STRUCT_H

#include <linux/tty.h>
#include <linux/vt.h>

struct vc_data {
    unsigned int vc_num;            /* console number, 0 for tty1 */
    struct tty_port port;           /* port.tty: its terminal (since 2.6.28) */
    struct tty_struct *vc_tty;      /* the same terminal, as 2.6 named it */
    unsigned int vc_cols, vc_rows;
};

struct vc {
    struct vc_data *d;
};

extern struct vc vc_cons[MAX_NR_CONSOLES];

#endif
