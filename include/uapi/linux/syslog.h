/* The actions of syslog (103), which klogctl(3) and dmesg use (Linux keeps these in include/linux/syslog.h). */
#ifndef _UAPI_LINUX_SYSLOG_H
#define _UAPI_LINUX_SYSLOG_H

#define SYSLOG_ACTION_CLOSE 0         /* close the log: a no-op */
#define SYSLOG_ACTION_OPEN 1          /* open the log: a no-op */
#define SYSLOG_ACTION_READ 2          /* read from the log, blocking, consuming */
#define SYSLOG_ACTION_READ_ALL 3      /* read the whole ring buffer, non-destructively */
#define SYSLOG_ACTION_READ_CLEAR 4    /* read everything and clear the buffer */
#define SYSLOG_ACTION_CLEAR 5         /* clear the ring buffer */
#define SYSLOG_ACTION_CONSOLE_OFF 6   /* disable printk to the console */
#define SYSLOG_ACTION_CONSOLE_ON 7    /* enable printk to the console */
#define SYSLOG_ACTION_CONSOLE_LEVEL 8 /* set the console loglevel (len = level) */
#define SYSLOG_ACTION_SIZE_UNREAD 9   /* number of unread bytes */
#define SYSLOG_ACTION_SIZE_BUFFER 10  /* size of the log buffer */

#define SYSLOG_FROM_READER 0
#define SYSLOG_FROM_PROC 1

#endif
