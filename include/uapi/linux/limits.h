/* Kernel limits visible to user space (PATH_MAX, NAME_MAX, ARG_MAX ...), as Linux. */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NR_OPEN 1024
#define NGROUPS_MAX 65536 /* supplemental group IDs are available */
#define ARG_MAX 131072    /* # bytes of args + environ for exec() */
#define LINK_MAX 127      /* # links a file may have */
#define MAX_CANON 255     /* size of the canonical input queue */
#define MAX_INPUT 255     /* size of the type-ahead buffer */
#define NAME_MAX 255      /* # chars in a file name */
#define PATH_MAX 4096     /* # chars in a path name including nul */
#define PIPE_BUF 4096     /* # bytes in atomic write to a pipe */
#define XATTR_NAME_MAX 255
#define XATTR_SIZE_MAX 65536
#define XATTR_LIST_MAX 65536
#define RTSIG_MAX 32

#endif
