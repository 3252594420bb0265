/* USER_HZ: the tick rate user space sees in times() and /proc (always 100 on x86). */
#ifndef _UAPI_LINUX_PARAM_H
#define _UAPI_LINUX_PARAM_H

#define HZ 100
#define EXEC_PAGESIZE 4096
#define NOGROUP (-1)
#define MAXHOSTNAMELEN 64

#endif
