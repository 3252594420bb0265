/* main.c - the kernlab shell: options (-c, script, -i), signals, job control, the read-run loop. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "sh.h"

extern char **environ;

int sh_interactive;
int sh_job_control;
int sh_last_status;
int sh_subst_status = -1;
pid_t sh_pid;
pid_t sh_last_bg;
pid_t sh_pgid;
int sh_argc;
char **sh_argv;
volatile int sh_got_sigint;
static int signals_changed; /* the shell changed signal dispositions a child must reset */

void sh_error(const char *fmt, ...)
{
    va_list ap;
    char msg[512];
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fflush(stdout);
    fprintf(stderr, "sh: %s\n", msg);
}

static void on_sigint(int sig)
{
    sh_got_sigint = 1;
}

static void set_signal(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: Ctrl-C must interrupt read() at the prompt */
    sigaction(sig, &sa, NULL);
}

void sh_child_signals(int background)
{
    if (signals_changed) {
        set_signal(SIGINT, SIG_DFL);
        set_signal(SIGQUIT, SIG_DFL);
        set_signal(SIGTSTP, SIG_DFL);
        set_signal(SIGTTIN, SIG_DFL);
        set_signal(SIGTTOU, SIG_DFL);
        signals_changed = 0;
    }
    if (background && !sh_job_control) {
        set_signal(SIGINT, SIG_IGN);
        set_signal(SIGQUIT, SIG_IGN);
    }
}

/* Interactive shell: catch Ctrl-C, ignore the job-control signals, own the terminal. */
static void setup_interactive(void)
{
    set_signal(SIGINT, on_sigint);
    set_signal(SIGQUIT, SIG_IGN);
    set_signal(SIGTSTP, SIG_IGN);
    set_signal(SIGTTIN, SIG_IGN);
    set_signal(SIGTTOU, SIG_IGN);
    signals_changed = 1;

    pid_t fg = tcgetpgrp(0);
    if (fg < 0)
        return; /* no controlling terminal: no job control */
    if (getpgrp() != getpid())
        setpgid(0, 0);
    sh_pgid = getpgrp();
    if (tcsetpgrp(0, sh_pgid) == 0)
        sh_job_control = 1;
}

static void build_prompt(char *buf, size_t size)
{
    char cwd[PATH_MAX];
    struct utsname u;
    const char *user = NULL, *home = var_get("HOME");
    uid_t uid = geteuid();
    struct passwd *pw = getpwuid(uid);
    if (pw)
        user = pw->pw_name;
    if (!user)
        user = uid == 0 ? "root" : "user";
    if (uname(&u) < 0)
        strcpy(u.nodename, "kernlab");
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "?");
    const char *shown = cwd;
    char tilde[PATH_MAX + 2];
    size_t hl = home ? strlen(home) : 0;
    if (hl > 1 && !strncmp(cwd, home, hl) && (cwd[hl] == '\0' || cwd[hl] == '/')) {
        snprintf(tilde, sizeof tilde, "~%s", cwd + hl);
        shown = tilde;
    }
    snprintf(buf, size, "%s@%s:%s%c ", user, u.nodename, shown, uid == 0 ? '#' : '$');
}

/* Reads and runs commands from fd until end of input. */
static int run_fd(int fd)
{
    struct strbuf pending = {0}; /* lines of a command that is not complete yet */
    char prompt[PATH_MAX + 128];

    for (;;) {
        char *line;
        int interrupted = 0;
        if (sh_interactive) {
            jobs_reap(1);
            if (pending.len)
                strcpy(prompt, "> ");
            else
                build_prompt(prompt, sizeof prompt);
            sh_got_sigint = 0;
            line = lineedit_read(prompt, &interrupted);
            if (interrupted) {
                if (sh_got_sigint)
                    write(1, "\n", 1); /* the tty echoed ^C; move to a fresh line */
                free(sb_take(&pending));
                sh_last_status = 130;
                continue;
            }
            if (!line && !pending.len)
                write(1, "exit\n", 5);
        } else {
            line = read_line_fd(fd);
            jobs_reap(0);
        }
        if (!line) {
            if (pending.len)
                sh_error("syntax error: unexpected end of file");
            break;
        }
        sb_adds(&pending, line);
        sb_addc(&pending, '\n');
        free(line);

        struct andor *list;
        int n;
        enum parse_result r = parse_input(pending.s, &list, &n);
        if (r == PARSE_INCOMPLETE)
            continue;
        free(sb_take(&pending));
        if (r == PARSE_ERROR) {
            sh_last_status = 2;
            continue;
        }
        run_list(list, n);
        free_list(list, n);
    }
    free(pending.s);
    return sh_last_status;
}

static void usage(void)
{
    fprintf(stderr, "usage: sh [-i] [-c command [name [arg...]] | script [arg...]]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int force_interactive = 0;
    int i = 1;

    sh_pid = getpid();
    var_import_environ(environ);
    if (!var_get("PATH"))
        var_set("PATH", "/bin:/sbin", 1);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd))
        var_set("PWD", cwd, 1);

    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "-c")) {
            if (i + 1 >= argc)
                usage();
            const char *src = argv[i + 1];
            sh_argv = argv + i + 2;
            sh_argc = argc - i - 2;
            if (sh_argc == 0) {
                sh_argv = argv;
                sh_argc = 1;
            }
            return run_string(src);
        } else if (!strcmp(argv[i], "-i")) {
            force_interactive = 1;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (strcmp(argv[i], "-l") && strcmp(argv[i], "-s")) {
            usage();
        }
    }

    if (i < argc) { /* sh script [args] */
        int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            sh_error("%s: %s", argv[i], strerror(errno));
            return 127;
        }
        sh_argv = argv + i;
        sh_argc = argc - i;
        int st = run_fd(fd);
        close(fd);
        return st;
    }

    sh_argv = argv;
    sh_argc = 1;
    sh_interactive = force_interactive || (isatty(0) && isatty(2));
    if (sh_interactive)
        setup_interactive();
    return run_fd(0);
}
