/* Options of wait4 (114), waitpid (7) and waitid (284). */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000 /* don't reap, just poll status */

#define __WNOTHREAD 0x20000000 /* don't wait on children of other threads in this group */
#define __WALL 0x40000000      /* wait on all children, regardless of type */
#define __WCLONE 0x80000000    /* wait only on non-SIGCHLD children */

/* waitid idtype */
#define P_ALL 0
#define P_PID 1
#define P_PGID 2
#define P_PIDFD 3

#endif
