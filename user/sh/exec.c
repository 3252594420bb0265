/* exec.c - runs and-or lists: pipelines, redirections, builtins, PATH search, background jobs. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

/* A command after expansion. */
struct expanded {
    char **argv;
    int argc;
    char **assigns; /* NAME=value prefixes */
    int nassigns;
};

static int is_assignment(const char *raw)
{
    const char *eq = strchr(raw, '=');
    return eq && var_valid_name(raw, eq - raw);
}

static void expand_command(struct command *c, struct expanded *e)
{
    int i = 0;
    memset(e, 0, sizeof *e);
    e->argv = xmalloc(sizeof(char *));
    e->argv[0] = NULL;
    for (; i < c->nwords && is_assignment(c->words[i]); i++) {
        const char *eq = strchr(c->words[i], '=');
        char *value = expand_single(eq + 1);
        char *a = xmalloc((eq - c->words[i]) + strlen(value) + 2);
        memcpy(a, c->words[i], eq - c->words[i] + 1);
        strcpy(a + (eq - c->words[i]) + 1, value);
        free(value);
        e->assigns = xrealloc(e->assigns, sizeof(char *) * (e->nassigns + 1));
        e->assigns[e->nassigns++] = a;
    }
    for (; i < c->nwords; i++)
        expand_word(c->words[i], &e->argv, &e->argc, 1);
    if (e->argc > 1 && !strcmp(e->argv[0], "kill"))
        jobs_rewrite_kill_args(&e->argv, &e->argc);
}

static void free_expanded(struct expanded *e)
{
    for (int i = 0; i < e->argc; i++)
        free(e->argv[i]);
    for (int i = 0; i < e->nassigns; i++)
        free(e->assigns[i]);
    free(e->argv);
    free(e->assigns);
}

/* ---- redirections ---- */

struct saved_fd {
    int fd, copy;
};

static void save_fd(struct saved_fd *saved, int *nsaved, int fd)
{
    for (int i = 0; i < *nsaved; i++)
        if (saved[i].fd == fd)
            return;
    saved[*nsaved].fd = fd;
    saved[*nsaved].copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    (*nsaved)++;
}

static void restore_fds(struct saved_fd *saved, int nsaved)
{
    for (int i = nsaved - 1; i >= 0; i--) {
        if (saved[i].copy >= 0) {
            dup2(saved[i].copy, saved[i].fd);
            close(saved[i].copy);
        } else {
            close(saved[i].fd);
        }
    }
}

/* Applies the redirections of c; if saved is given, remembers the old fds. */
static int apply_redirs(struct command *c, struct saved_fd *saved, int *nsaved)
{
    for (int i = 0; i < c->nredirs; i++) {
        struct redir *r = &c->redirs[i];
        if (saved)
            save_fd(saved, nsaved, r->fd);
        if (r->kind == R_DUP) {
            if (r->dupfd < 0) {
                close(r->fd);
            } else if (dup2(r->dupfd, r->fd) < 0) {
                sh_error("%d: %s", r->dupfd, strerror(errno));
                return -1;
            }
            continue;
        }
        char *name = expand_single(r->word);
        int flags = r->kind == R_IN ? O_RDONLY
                  : r->kind == R_APPEND ? O_WRONLY | O_CREAT | O_APPEND
                  : O_WRONLY | O_CREAT | O_TRUNC;
        int fd = open(name, flags, 0666);
        if (fd < 0) {
            sh_error("%s: %s", name, strerror(errno));
            free(name);
            return -1;
        }
        free(name);
        if (fd != r->fd) {
            dup2(fd, r->fd);
            close(fd);
        }
    }
    return 0;
}

/* ---- running programs ---- */

static void exec_script(const char *path, char **argv, char **envp)
{
    int n = 0;
    while (argv[n])
        n++;
    char **v = xmalloc(sizeof(char *) * (n + 2));
    v[0] = "sh";
    v[1] = (char *)path;
    for (int i = 1; i <= n; i++)
        v[i + 1] = argv[i];
    execve("/bin/sh", v, envp);
}

/* Tries to exec name (searched in PATH unless it has a '/') with argv;
 * returns the errno that explains the failure. */
static int exec_search(const char *name, char **argv, char **envp)
{
    int err = ENOENT;
    if (strchr(name, '/')) {
        execve(name, argv, envp);
        err = errno;
        if (err == ENOEXEC)
            exec_script(name, argv, envp);
        return err;
    }
    const char *path = var_get("PATH");
    if (!path)
        path = "/bin:/sbin";
    for (;;) {
        const char *colon = strchr(path, ':');
        size_t dlen = colon ? (size_t)(colon - path) : strlen(path);
        char *full = xmalloc(dlen + strlen(name) + 3);
        if (dlen == 0) {
            strcpy(full, "./");
        } else {
            memcpy(full, path, dlen);
            full[dlen] = '/';
            full[dlen + 1] = '\0';
        }
        strcat(full, name);
        execve(full, argv, envp);
        if (errno == ENOEXEC)
            exec_script(full, argv, envp);
        if (errno != ENOENT && errno != ENOTDIR)
            err = errno;
        free(full);
        if (!colon)
            return err;
        path = colon + 1;
    }
}

/* Replaces the process by argv[0], searched in PATH; never returns. */
static void exec_external(struct expanded *e)
{
    char **envp = var_environ(e->assigns, e->nassigns);
    const char *name = e->argv[0];
    int err = exec_search(name, e->argv, envp);
    /* No /bin/[ in the initramfs (see user/bin/CMakeLists.txt): test acts as "[" by argv[0]. */
    if (err == ENOENT && !strcmp(name, "["))
        err = exec_search("test", e->argv, envp);
    if (err == ENOENT && !strchr(name, '/')) {
        sh_error("%s: command not found", name);
        _exit(127);
    }
    sh_error("%s: %s", name, strerror(err));
    _exit(err == ENOENT ? 127 : 126);
}

/* In a forked child: run the expanded command (builtin or program) and exit. */
static void child_run(struct expanded *e)
{
    if (e->argc == 0)
        _exit(0);
    builtin_fn b = find_builtin(e->argv[0]);
    if (b) {
        int st = b(e->argv);
        fflush(stdout);
        _exit(st);
    }
    exec_external(e);
}

/* Process-group and terminal setup shared by parent and child after fork. */
static void join_job(pid_t pid, pid_t *pgid, int foreground)
{
    if (!sh_job_control)
        return;
    if (*pgid == 0)
        *pgid = pid;
    setpgid(pid, *pgid);
    if (foreground)
        tcsetpgrp(0, *pgid);
}

static const char *cur_text; /* the and-or list being run, for "Stopped" messages */

static int run_pipeline(struct pipeline *pl, int may_exec)
{
    /* A lone command: builtins and assignments run inside the shell. */
    if (pl->ncmds == 1) {
        struct command *c = &pl->cmds[0];
        struct expanded e;
        sh_subst_status = -1;
        expand_command(c, &e);
        builtin_fn b = e.argc ? find_builtin(e.argv[0]) : NULL;
        if (e.argc == 0 || b) {
            struct saved_fd saved[32];
            int nsaved = 0, st;
            if (c->nredirs > 32 || apply_redirs(c, saved, &nsaved) < 0) {
                st = 1;
            } else if (b) {
                st = b(e.argv);
            } else {
                for (int i = 0; i < e.nassigns; i++) {
                    char *eq = strchr(e.assigns[i], '=');
                    *eq = '\0';
                    var_set(e.assigns[i], eq + 1, -1);
                    *eq = '=';
                }
                st = sh_subst_status >= 0 ? sh_subst_status : 0; /* v=$(false) fails */
            }
            fflush(stdout);
            restore_fds(saved, nsaved);
            free_expanded(&e);
            return st;
        }
        if (may_exec) { /* nothing follows: no need to fork */
            if (apply_redirs(c, NULL, NULL) < 0)
                _exit(1);
            exec_external(&e);
        }
        pid_t pgid = 0;
        pid_t pid = fork();
        if (pid < 0) {
            sh_error("fork: %s", strerror(errno));
            free_expanded(&e);
            return 1;
        }
        if (pid == 0) {
            join_job(getpid(), &pgid, 1);
            sh_child_signals(0);
            if (apply_redirs(c, NULL, NULL) < 0)
                _exit(1);
            exec_external(&e);
        }
        join_job(pid, &pgid, 1);
        free_expanded(&e);
        return wait_pids(&pid, 1, cur_text);
    }

    pid_t *pids = xmalloc(sizeof(pid_t) * pl->ncmds);
    pid_t pgid = 0;
    int in = -1, n = 0;
    for (int i = 0; i < pl->ncmds; i++) {
        int fds[2] = { -1, -1 };
        if (i < pl->ncmds - 1 && pipe(fds) < 0) {
            sh_error("pipe: %s", strerror(errno));
            break;
        }
        pid_t pid = fork();
        if (pid < 0) {
            sh_error("fork: %s", strerror(errno));
            close(fds[0]);
            close(fds[1]);
            break;
        }
        if (pid == 0) {
            join_job(getpid(), &pgid, 1);
            sh_child_signals(0);
            if (in >= 0) {
                dup2(in, 0);
                close(in);
            }
            if (fds[1] >= 0) {
                dup2(fds[1], 1);
                close(fds[1]);
                close(fds[0]);
            }
            if (apply_redirs(&pl->cmds[i], NULL, NULL) < 0)
                _exit(1);
            struct expanded e;
            expand_command(&pl->cmds[i], &e);
            child_run(&e);
        }
        join_job(pid, &pgid, 1);
        pids[n++] = pid;
        if (in >= 0)
            close(in);
        if (fds[1] >= 0)
            close(fds[1]);
        in = fds[0];
    }
    if (in >= 0)
        close(in);
    int st = n ? wait_pids(pids, n, cur_text) : 1;
    free(pids);
    return st;
}

static int run_andor(struct andor *ao, int may_exec)
{
    int st = 0;
    cur_text = ao->text;
    for (int i = 0; i < ao->npipes; i++) {
        if (i > 0) {
            if (ao->ops[i - 1] == OP_AND && st != 0)
                continue;
            if (ao->ops[i - 1] == OP_OR && st == 0)
                continue;
        }
        st = run_pipeline(&ao->pipes[i], may_exec && i == ao->npipes - 1);
        sh_last_status = st;
    }
    return st;
}

static void run_background(struct andor *ao)
{
    int job_control = sh_job_control;
    pid_t pid = fork();
    if (pid < 0) {
        sh_error("fork: %s", strerror(errno));
        return;
    }
    if (pid == 0) {
        if (job_control)
            setpgid(0, 0);
        sh_child_signals(1);
        sh_interactive = 0;
        sh_job_control = 0;
        if (!job_control) {
            int fd = open("/dev/null", O_RDONLY);
            if (fd >= 0 && fd != 0) {
                dup2(fd, 0);
                close(fd);
            }
        }
        _exit(run_andor(ao, 1));
    }
    if (job_control)
        setpgid(pid, pid);
    sh_last_bg = pid;
    int id = job_add(pid, &pid, 1, ao->text, 0);
    if (sh_interactive)
        fprintf(stderr, "[%d] %d\n", id, (int)pid);
    sh_last_status = 0;
}

int run_list(struct andor *list, int n)
{
    for (int i = 0; i < n; i++) {
        if (list[i].background)
            run_background(&list[i]);
        else
            run_andor(&list[i], 0);
    }
    return sh_last_status;
}

int run_string(const char *src)
{
    struct andor *list;
    int n;
    enum parse_result r = parse_input(src, &list, &n);
    if (r == PARSE_INCOMPLETE) {
        sh_error("syntax error: unexpected end of file");
        return sh_last_status = 2;
    }
    if (r == PARSE_ERROR)
        return sh_last_status = 2;
    run_list(list, n);
    free_list(list, n);
    return sh_last_status;
}
