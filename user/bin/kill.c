/* kill - send a signal to processes: kill [-SIG | -s SIG | -N] PID..., kill -l. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "common.h"

static const struct {
    int num;
    const char *name;
} signals[] = {
    { SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
    { SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGBUS, "BUS" }, { SIGFPE, "FPE" },
    { SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
    { SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGCHLD, "CHLD" },
    { SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" },
    { SIGTTOU, "TTOU" }, { SIGURG, "URG" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
    { SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" }, { SIGIO, "IO" },
    { SIGSYS, "SYS" },
};
#define NSIGNALS (int)(sizeof signals / sizeof signals[0])

static int signal_number(const char *s)
{
    unsigned long n;
    if (parse_ulong(s, &n) == 0)
        return n < 65 ? (int)n : -1;
    if (!strncasecmp(s, "SIG", 3))
        s += 3;
    for (int i = 0; i < NSIGNALS; i++)
        if (!strcasecmp(s, signals[i].name))
            return signals[i].num;
    return -1;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;
    prog_init(argv);
    if (argc > 1 && !strcmp(argv[1], "-l")) {
        if (argc > 2) { /* kill -l 9  ->  KILL */
            int n = atoi(argv[2]) & 127;
            for (int k = 0; k < NSIGNALS; k++)
                if (signals[k].num == n)
                    printf("%s\n", signals[k].name);
            return 0;
        }
        for (int k = 0; k < NSIGNALS; k++)
            printf("%2d) SIG%-8s%s", signals[k].num, signals[k].name, k % 5 == 4 ? "\n" : "");
        printf("\n");
        return 0;
    }
    if (i < argc && !strcmp(argv[i], "-s")) {
        if (i + 1 >= argc || (sig = signal_number(argv[i + 1])) < 0)
            die_msg("%s: invalid signal specification", i + 1 < argc ? argv[i + 1] : "");
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
        if ((sig = signal_number(argv[i] + 1)) < 0)
            die_msg("%s: invalid signal specification", argv[i] + 1);
        i++;
    }
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (i >= argc)
        usage_exit("[-s SIGNAL | -SIGNAL] PID...");
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (*end || end == argv[i]) {
            warn_msg("%s: arguments must be process or job IDs", argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t)pid, sig) < 0) {
            warn_msg("(%ld) - %s", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
