/* The virtual consoles inside the kernel (Linux's linux/vt_kern.h). */
#ifndef _LINUX_VT_KERN_H
#define _LINUX_VT_KERN_H

#include <linux/console_struct.h>
#include <linux/tty.h>
#include <linux/vt.h>

extern int fg_console;

#endif
