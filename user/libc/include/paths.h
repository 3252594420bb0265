/* <paths.h>: well-known file names. */
#ifndef _PATHS_H
#define _PATHS_H

#define _PATH_DEFPATH "/bin:/usr/bin:/sbin:/usr/sbin"
#define _PATH_STDPATH _PATH_DEFPATH
#define _PATH_BSHELL "/bin/sh"
#define _PATH_CONSOLE "/dev/console"
#define _PATH_DEVNULL "/dev/null"
#define _PATH_TTY "/dev/tty"
#define _PATH_KLOG "/proc/kmsg"
#define _PATH_MOUNTED "/proc/mounts"
#define _PATH_PASSWD "/etc/passwd"
#define _PATH_GROUP "/etc/group"
#define _PATH_TMP "/tmp/"
#define _PATH_DEV "/dev/"

#endif
