/* sh.h - shared declarations of the kernlab shell: syntax tree, variables, jobs. */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---- growable string (strbuf.c) ---- */
struct strbuf {
    char *s;
    size_t len, cap;
};
void sb_addc(struct strbuf *sb, char c);
void sb_adds(struct strbuf *sb, const char *s);
char *sb_take(struct strbuf *sb); /* returns the string (never NULL) and resets sb */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* ---- syntax tree (parse.c) ---- */
enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUP };
struct redir {
    int fd;          /* the fd being redirected */
    enum redir_kind kind;
    char *word;      /* raw file name word, or NULL for R_DUP */
    int dupfd;       /* R_DUP: source fd, -1 means close */
};
struct command {
    char **words;    /* raw (unexpanded) words */
    int nwords;
    struct redir *redirs;
    int nredirs;
};
struct pipeline {
    struct command *cmds;
    int ncmds;
};
enum andor_op { OP_AND, OP_OR };
struct andor {
    struct pipeline *pipes;
    enum andor_op *ops; /* ops[i] joins pipes[i] and pipes[i+1] */
    int npipes;
    int background;
    char *text;      /* source text, shown by job messages */
};
enum parse_result { PARSE_OK, PARSE_INCOMPLETE, PARSE_ERROR };
/* Parses a whole input chunk into a list of and-or lists. */
enum parse_result parse_input(const char *src, struct andor **list, int *n);
void free_list(struct andor *list, int n);

/* ---- expansion (expand.c) ---- */
/* Expands one raw word into fields (appended to *argv / *argc). */
void expand_word(const char *raw, char ***argv, int *argc, int split_and_glob);
/* Expands a word to exactly one string (no splitting, no globbing). */
char *expand_single(const char *raw);

/* ---- variables (vars.c) ---- */
const char *var_get(const char *name);
void var_set(const char *name, const char *value, int exported); /* exported: 1, 0, -1 keep */
void var_unset(const char *name);
void var_export(const char *name);
void var_import_environ(char **envp);
char **var_environ(char **extra, int nextra); /* NULL-terminated, malloc'd */
void var_print_exported(void);
int var_valid_name(const char *s, size_t len);

/* ---- execution (exec.c) ---- */
int run_list(struct andor *list, int n);
int run_string(const char *src); /* parse and run, used by -c and `.` */

/* ---- jobs and waiting (jobs.c) ---- */
struct job;
int job_add(pid_t pgid, pid_t *pids, int npids, const char *text, int stopped);
void jobs_reap(int notify);        /* collect finished background jobs */
int wait_pids(pid_t *pids, int n, const char *text); /* foreground wait, returns status */
void report_signal(int status);
int builtin_jobs(char **argv);
int builtin_fg(char **argv);
int builtin_bg(char **argv);
int builtin_wait(char **argv);
void jobs_rewrite_kill_args(char ***argv, int *argc);

/* ---- builtins (builtins.c) ---- */
typedef int (*builtin_fn)(char **argv);
builtin_fn find_builtin(const char *name);

/* ---- line input (input.c, lineedit.c) ---- */
char *read_line_fd(int fd); /* one line without '\n', NULL at EOF */
char *read_line_intr(int fd, int *interrupted);
char *lineedit_read(const char *prompt, int *interrupted); /* NULL at EOF */
void lineedit_history_add(const char *line);
int builtin_history(char **argv);

/* ---- shell state (main.c) ---- */
extern int sh_interactive;   /* reading commands from a terminal */
extern int sh_job_control;   /* process groups and tcsetpgrp in use */
extern int sh_last_status;   /* $? */
extern int sh_subst_status;  /* status of the last $(...), -1 if none ran */
extern pid_t sh_pid;         /* $$ */
extern pid_t sh_last_bg;     /* $! */
extern pid_t sh_pgid;        /* the shell's own process group */
extern int sh_argc;          /* positional parameters $0..$N */
extern char **sh_argv;
extern volatile int sh_got_sigint;
void sh_child_signals(int background); /* reset signal handling in a forked child */
void sh_error(const char *fmt, ...);

#endif
