/* Linux's generic I/O header: on i386 everything is in asm/io.h. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <asm/io.h>

#endif
