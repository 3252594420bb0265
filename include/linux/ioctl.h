/* ioctl command numbers: _IO, _IOR, _IOW, _IOWR and the _IOC_* decoders (uapi). */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#include <uapi/linux/ioctl.h>

#endif
