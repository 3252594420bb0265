/* common.h - helpers shared by the /bin commands: messages, options, names, modes. */
#ifndef BIN_COMMON_H
#define BIN_COMMON_H

#include <stddef.h>
#include <sys/types.h>

extern const char *prog; /* the command's name, for messages */

void prog_init(char **argv);
/* "prog: what: strerror(errno)" on stderr */
void warn_errno(const char *what);
/* "prog: message" on stderr */
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void usage_exit(const char *usage) __attribute__((noreturn));

/* POSIX-style option scanning: clustered flags, "-n 5" or "-n5", "--" ends options. */
struct opts {
    int argc;
    char **argv;
    int ind;        /* index of the next argument to look at */
    int pos;        /* position inside a cluster like -la */
    char *arg;      /* argument of the option just returned */
};
void opts_init(struct opts *o, int argc, char **argv);
/* Returns the next option letter, '?' for an unknown one (after a message), -1 at the operands. */
int opts_next(struct opts *o, const char *spec);

int write_all(int fd, const void *buf, size_t n);
/* Copies everything from fd in to fd out; returns 0 or -1 (errno set). */
int copy_fd(int in, int out);
/* Parses a non-negative decimal number; returns -1 if s is not one. */
int parse_ulong(const char *s, unsigned long *out);

/* Names from /etc/passwd and /etc/group, or the number when unknown. */
const char *user_name(uid_t uid);
const char *group_name(gid_t gid);
/* "drwxr-xr-x" from st_mode, out must hold 11 bytes */
void mode_string(mode_t mode, char *out);
/* "-" means standard input */
int open_input(const char *name);

/* "dir/name", malloc'd. */
char *path_join(const char *dir, const char *name);
/* cp and mv: argv[first..argc-2] are sources, argv[argc-1] the destination.
 * Calls act(source, target) for each, the target being DEST/basename when DEST
 * is a directory; dies when several sources go to a non-directory. Returns
 * non-zero if any act failed. */
int for_each_source(int first, int argc, char **argv, int (*act)(const char *source, const char *target));

#endif
