/* jobs.c - the job table: waiting for foreground jobs, reaping background ones, fg/bg/jobs/wait. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct job {
    int id;
    pid_t pgid;
    pid_t *pids;
    int npids, nalive;
    int status;        /* wait status of the last process */
    enum job_state state;
    char *text;
    unsigned seq;      /* for the + and - marks: higher is more recent */
};

#define MAX_JOBS 64
static struct job jobs[MAX_JOBS];
static unsigned job_seq;

/* What bash prints for a process killed by sig ("" for none). */
static const char *signal_text(int sig)
{
    switch (sig) {
    case SIGHUP: return "Hangup";
    case SIGINT: return "Interrupt";
    case SIGQUIT: return "Quit";
    case SIGILL: return "Illegal instruction";
    case SIGTRAP: return "Trace/breakpoint trap";
    case SIGABRT: return "Aborted";
    case SIGBUS: return "Bus error";
    case SIGFPE: return "Floating point exception";
    case SIGKILL: return "Killed";
    case SIGUSR1: return "User defined signal 1";
    case SIGSEGV: return "Segmentation fault";
    case SIGUSR2: return "User defined signal 2";
    case SIGPIPE: return "Broken pipe";
    case SIGALRM: return "Alarm clock";
    case SIGTERM: return "Terminated";
    case SIGSTOP: case SIGTSTP: return "Stopped";
    case SIGTTIN: return "Stopped (tty input)";
    case SIGTTOU: return "Stopped (tty output)";
    default: return NULL;
    }
}

static int exit_code(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    if (WIFSTOPPED(status))
        return 128 + WSTOPSIG(status);
    return 1;
}

/* Foreground: a killed process gets a line like bash's "Segmentation fault". */
void report_signal(int status)
{
    if (!WIFSIGNALED(status))
        return;
    int sig = WTERMSIG(status);
    if (sig == SIGINT) {
        fputc('\n', stderr);
        return;
    }
    if (sig == SIGPIPE)
        return;
    const char *t = signal_text(sig);
    if (t)
        fprintf(stderr, "%s", t);
    else
        fprintf(stderr, "Unknown signal %d", sig);
#ifdef WCOREDUMP
    if (WCOREDUMP(status))
        fprintf(stderr, " (core dumped)");
#endif
    fputc('\n', stderr);
}

static char job_mark(struct job *j)
{
    unsigned best = 0, second = 0;
    for (int i = 0; i < MAX_JOBS; i++) {
        if (!jobs[i].id)
            continue;
        if (jobs[i].seq > best) {
            second = best;
            best = jobs[i].seq;
        } else if (jobs[i].seq > second) {
            second = jobs[i].seq;
        }
    }
    return j->seq == best ? '+' : j->seq == second ? '-' : ' ';
}

static void print_job(struct job *j, int amp)
{
    char state[48];
    if (j->state == JOB_RUNNING)
        strcpy(state, "Running");
    else if (j->state == JOB_STOPPED)
        strcpy(state, "Stopped");
    else if (WIFSIGNALED(j->status))
        snprintf(state, sizeof state, "%s", signal_text(WTERMSIG(j->status)) ? signal_text(WTERMSIG(j->status)) : "Killed");
    else if (WEXITSTATUS(j->status))
        snprintf(state, sizeof state, "Exit %d", WEXITSTATUS(j->status));
    else
        strcpy(state, "Done");
    fprintf(stderr, "[%d]%c  %-24s%s%s\n", j->id, job_mark(j), state, j->text,
            amp && j->state == JOB_RUNNING ? " &" : "");
}

int job_add(pid_t pgid, pid_t *pids, int npids, const char *text, int stopped)
{
    int id = 1;
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id >= id)
            id = jobs[i].id + 1;
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id)
            continue;
        j->id = id;
        j->pgid = pgid;
        j->pids = xmalloc(sizeof(pid_t) * npids);
        memcpy(j->pids, pids, sizeof(pid_t) * npids);
        j->npids = j->nalive = npids;
        j->status = 0;
        j->state = stopped ? JOB_STOPPED : JOB_RUNNING;
        j->text = xstrdup(text ? text : "");
        j->seq = ++job_seq;
        return id;
    }
    return 0; /* table full: the job runs untracked */
}

static void job_free(struct job *j)
{
    free(j->pids);
    free(j->text);
    memset(j, 0, sizeof *j);
}

/* Records a wait status for pid; returns the job it belonged to. */
static struct job *job_update(pid_t pid, int status)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        for (int k = 0; k < j->npids; k++) {
            if (j->pids[k] != pid)
                continue;
            if (WIFSTOPPED(status)) {
                j->state = JOB_STOPPED;
            } else {
                j->pids[k] = -1;
                if (--j->nalive == 0)
                    j->state = JOB_DONE;
                if (k == j->npids - 1 || j->nalive == 0)
                    j->status = status;
            }
            return j;
        }
    }
    return NULL;
}

void jobs_reap(int notify)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
        job_update(pid, status);
    for (int i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id && jobs[i].state == JOB_DONE) {
            if (notify)
                print_job(&jobs[i], 0);
            job_free(&jobs[i]);
        }
    }
}

static void take_terminal_back(void)
{
    if (sh_job_control)
        tcsetpgrp(0, sh_pgid);
}

/* Waits for a foreground pipeline; a stopped one becomes a job. */
int wait_pids(pid_t *pids, int n, const char *text)
{
    int last = 0, reported = 0;
    for (int i = 0; i < n; i++) {
        int status;
        pid_t r;
        do
            r = waitpid(pids[i], &status, WUNTRACED);
        while (r < 0 && errno == EINTR);
        if (r < 0)
            continue;
        if (WIFSTOPPED(status)) {
            take_terminal_back();
            int id = job_add(pids[0], pids + i, n - i, text, 1);
            fputc('\n', stderr);
            for (int k = 0; k < MAX_JOBS; k++)
                if (jobs[k].id == id)
                    print_job(&jobs[k], 0);
            return 128 + WSTOPSIG(status);
        }
        if (WIFSIGNALED(status) && !reported && (WTERMSIG(status) != SIGPIPE || i == n - 1)) {
            report_signal(status);
            reported = WTERMSIG(status) != SIGPIPE;
        }
        last = status;
    }
    take_terminal_back();
    return exit_code(last);
}

static struct job *find_job(char **argv)
{
    struct job *best = NULL;
    if (argv[1]) {
        const char *s = argv[1][0] == '%' ? argv[1] + 1 : argv[1];
        int id = atoi(s);
        for (int i = 0; i < MAX_JOBS; i++)
            if (jobs[i].id && jobs[i].id == id)
                return &jobs[i];
        sh_error("%s: %s: no such job", argv[0], argv[1]);
        return NULL;
    }
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id && (!best || jobs[i].seq > best->seq))
            best = &jobs[i];
    if (!best)
        sh_error("%s: current: no such job", argv[0]);
    return best;
}

int builtin_jobs(char **argv)
{
    jobs_reap(0);
    for (int id = 1; id <= 1000; id++)
        for (int i = 0; i < MAX_JOBS; i++)
            if (jobs[i].id == id)
                print_job(&jobs[i], 1);
    return 0;
}

int builtin_fg(char **argv)
{
    struct job *j = find_job(argv);
    if (!j)
        return 1;
    fprintf(stderr, "%s\n", j->text);
    if (sh_job_control)
        tcsetpgrp(0, j->pgid);
    kill(-j->pgid, SIGCONT);
    /* move the job's live pids back to the foreground */
    pid_t pids[64];
    int n = 0;
    for (int k = 0; k < j->npids && n < 64; k++)
        if (j->pids[k] > 0)
            pids[n++] = j->pids[k];
    char *text = xstrdup(j->text);
    job_free(j);
    int st = wait_pids(pids, n, text);
    free(text);
    return st;
}

int builtin_bg(char **argv)
{
    struct job *j = find_job(argv);
    if (!j)
        return 1;
    j->state = JOB_RUNNING;
    kill(-j->pgid, SIGCONT);
    fprintf(stderr, "[%d]%c %s &\n", j->id, job_mark(j), j->text);
    return 0;
}

int builtin_wait(char **argv)
{
    int status, last = 0;
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        if (argv[1] && atoi(argv[1]) != j->pgid && !(argv[1][0] == '%' && atoi(argv[1] + 1) == j->id))
            continue;
        for (int k = 0; k < j->npids; k++) {
            if (j->pids[k] <= 0)
                continue;
            pid_t pid = j->pids[k];
            if (waitpid(pid, &status, 0) == pid)
                job_update(pid, status);
        }
        last = exit_code(j->status);
        job_free(j);
    }
    return last;
}

/* "kill %1" names a job: rewrite the job specs into "-- -PGID" for /bin/kill. */
void jobs_rewrite_kill_args(char ***argvp, int *argcp)
{
    char **argv = *argvp;
    int argc = *argcp, first = -1;
    for (int i = 1; i < argc && first < 0; i++)
        if (argv[i][0] == '%')
            first = i;
    if (first < 0)
        return;
    char **v = xmalloc(sizeof(char *) * (argc + 2));
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (i == first)
            v[n++] = xstrdup("--");
        if (i >= first && argv[i][0] == '%') {
            int id = atoi(argv[i] + 1);
            char buf[24] = "%0"; /* unknown job: kill reports it */
            for (int k = 0; k < MAX_JOBS; k++)
                if (jobs[k].id && jobs[k].id == id)
                    snprintf(buf, sizeof buf, "-%d", (int)jobs[k].pgid);
            free(argv[i]);
            v[n++] = xstrdup(buf);
        } else {
            v[n++] = argv[i];
        }
    }
    v[n] = NULL;
    free(argv);
    *argvp = v;
    *argcp = n;
}
