/* init.c - process 1: mounts /proc, /dev, /sys and debugfs, checks the kernel's basics, keeps a shell running on the console. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define SHELL "/bin/sh"

/* fds 0-2 on /dev/console when the kernel did not open them. */
static void open_console(void)
{
    if (fcntl(0, F_GETFD) >= 0)
        return;
    int fd = open("/dev/console", O_RDWR);
    if (fd < 0)
        return;
    if (fd != 0) {
        dup2(fd, 0);
        close(fd);
    }
    dup2(0, 1);
    dup2(0, 2);
}

static void mount_fs(const char *src, const char *dir, const char *type)
{
    mkdir(dir, 0755);
    if (mount(src, dir, type, 0, NULL) == 0)
        printf("init: mounted %s on %s\n", type, dir);
    else if (errno == EBUSY)
        printf("init: %s on %s already mounted\n", type, dir);
    else
        printf("init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

/* The host's folder (QEMU -virtfs ...,mount_tag=host), as the run command
 * shares it: mounted at /mnt/host when the device is there, silence when not
 * (the kernel says ENOENT: no virtio-9p channel has that tag). */
static void mount_host_share(void)
{
    if (mount("host", "/mnt/host", "9p", 0, "trans=virtio,version=9p2000.L") == 0)
        printf("init: mounted the host folder (9p tag host) on /mnt/host\n");
    else if (errno != ENOENT)
        printf("init: mount 9p host on /mnt/host: %s\n", strerror(errno));
}

static void banner(void)
{
    struct utsname u;
    if (uname(&u) == 0)
        printf("\nWelcome to kernlab %s (%s %s)\n\n", u.release, u.sysname, u.machine);
    else
        printf("\nWelcome to kernlab\n\n");
}

/* One line per check of what the course exercises rely on. */
static void exercise_pass(void)
{
    char buf[256];

    errno = 0;
    long r = syscall(349);
    if (r == -1)
        printf("init: sys_hello (349) failed: %s\n", strerror(errno));
    else
        printf("init: sys_hello (349) returned %ld\n", r);

    int fd = open("/proc/version", O_RDONLY);
    if (fd < 0) {
        printf("init: /proc/version: %s\n", strerror(errno));
    } else {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n < 0) {
            printf("init: /proc/version: read: %s\n", strerror(errno));
        } else {
            buf[n] = '\0';
            buf[strcspn(buf, "\n")] = '\0';
            printf("init: /proc/version: %s\n", buf);
        }
    }

    fd = open("/dev/zero", O_RDONLY);
    if (fd < 0) {
        printf("init: /dev/zero: %s\n", strerror(errno));
    } else {
        memset(buf, 0xaa, 16);
        ssize_t n = read(fd, buf, 16);
        int zeros = 0;
        for (ssize_t i = 0; i < n; i++)
            zeros += buf[i] == 0;
        if (n < 0)
            printf("init: /dev/zero: read: %s\n", strerror(errno));
        else if (zeros == n && n == 16)
            printf("init: /dev/zero read 16 zero bytes\n");
        else
            printf("init: /dev/zero: FAILED: read %d bytes, %d of them zero\n", (int)n, zeros);
        close(fd);
    }

    fd = open("/dev/null", O_WRONLY);
    if (fd < 0) {
        printf("init: /dev/null: %s\n", strerror(errno));
    } else {
        ssize_t n = write(fd, buf, 16);
        if (n == 16)
            printf("init: /dev/null accepted 16 bytes\n");
        else if (n < 0)
            printf("init: /dev/null: write: %s\n", strerror(errno));
        else
            printf("init: /dev/null: FAILED: accepted %d of 16 bytes\n", (int)n);
        close(fd);
    }
}

/* busybox's poweroff, reboot and halt (without -f) ask init by signal, as for
 * busybox init: SIGUSR2 powers off, SIGTERM restarts, SIGUSR1 halts. Then, as
 * busybox init does, every process gets SIGTERM, then SIGKILL; the disks are
 * synced; then the reboot system call. It runs in the signal handler, so a
 * signal that comes before init sleeps in wait() is not lost; init does nothing
 * else but wait by then (printf on unbuffered stdout is safe enough here). */
static void shut_down(int sig)
{
    const char *what = sig == SIGUSR2 ? "power off" : sig == SIGTERM ? "restart" : "halt";
    printf("\ninit: %s: stopping all processes\n", what);
    kill(-1, SIGTERM);
    sleep(1);
    kill(-1, SIGKILL);
    sync();
    reboot(sig == SIGUSR2 ? RB_POWER_OFF : sig == SIGTERM ? RB_AUTOBOOT : RB_HALT_SYSTEM);
    printf("init: reboot: %s\n", strerror(errno));
}

/* The kernel passes unknown command-line words as arguments; the shell sees them as INIT_ARGS. */
static char **shell_environment(int argc, char **argv)
{
    int n = 0;
    while (environ && environ[n])
        n++;
    char **env = calloc(n + 8, sizeof(char *));
    int k = 0;
    static const char *defaults[] = { "PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/root", "TERM=linux", "SHELL=/bin/sh", "USER=root" };
    for (int i = 0; i < n; i++)
        env[k++] = environ[i];
    for (size_t d = 0; d < sizeof defaults / sizeof defaults[0]; d++) {
        size_t len = strchr(defaults[d], '=') - defaults[d] + 1;
        int found = 0;
        for (int i = 0; i < n; i++)
            if (!strncmp(environ[i], defaults[d], len))
                found = 1;
        if (!found)
            env[k++] = (char *)defaults[d];
    }
    if (argc > 1) {
        size_t len = 16;
        for (int i = 1; i < argc; i++)
            len += strlen(argv[i]) + 1;
        char *s = malloc(len);
        strcpy(s, "INIT_ARGS=");
        for (int i = 1; i < argc; i++) {
            if (i > 1)
                strcat(s, " ");
            strcat(s, argv[i]);
        }
        env[k++] = s;
    }
    env[k] = NULL;
    return env;
}

static pid_t start_shell(char **env)
{
    pid_t pid = fork();
    if (pid < 0) {
        printf("init: fork: %s\n", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        /* init's ignored signals would stay ignored across execve, and a shell
         * never catches what was ignored when it started (POSIX; ash calls them
         * "hard ignored"): Ctrl-C would then stop nothing. */
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGTSTP, SIG_DFL);
        signal(SIGTTOU, SIG_DFL);
        setsid();
        ioctl(0, TIOCSCTTY, 0);
        tcsetpgrp(0, getpid());
        const char *home = "/root";
        for (char **e = env; *e; e++)
            if (!strncmp(*e, "HOME=", 5))
                home = *e + 5;
        if (chdir(home) < 0)
            chdir("/");
        char *argv[] = { "-sh", NULL };
        execve(SHELL, argv, env);
        printf("init: cannot run %s: %s\n", SHELL, strerror(errno));
        _exit(127);
    }
    return pid;
}

int main(int argc, char **argv)
{
    int check_only = argc > 1 && !strcmp(argv[1], "--check"); /* for testing on a host */

    if (!check_only && getpid() != 1) {
        fprintf(stderr, "init: must run as process 1 (try --check)\n");
        return 1;
    }
    open_console();
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!check_only) {
        mount_fs("proc", "/proc", "proc");
        mount_fs("devtmpfs", "/dev", "devtmpfs");
        mount_fs("sysfs", "/sys", "sysfs");
        mount_fs("debugfs", "/sys/kernel/debug", "debugfs");
        mount_host_share();
    }
    banner();
    exercise_pass();
    if (check_only)
        return 0;
    if (argc > 1) {
        printf("init: arguments:");
        for (int i = 1; i < argc; i++)
            printf(" %s", argv[i]);
        printf("\n");
    }

    /* Ctrl-C on the console must not reach init. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);

    struct sigaction shutdown_action = { .sa_handler = shut_down };
    sigaddset(&shutdown_action.sa_mask, SIGUSR1);
    sigaddset(&shutdown_action.sa_mask, SIGUSR2);
    sigaddset(&shutdown_action.sa_mask, SIGTERM);
    sigaction(SIGUSR1, &shutdown_action, NULL);
    sigaction(SIGUSR2, &shutdown_action, NULL);
    sigaction(SIGTERM, &shutdown_action, NULL);

    char **env = shell_environment(argc, argv);
    for (;;) {
        time_t started = time(NULL);
        pid_t shell = start_shell(env);
        /* Reap everything; when the shell is gone, start a new one. */
        for (;;) {
            int status;
            pid_t pid = wait(&status);
            if (pid < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == ECHILD)
                    break;
                sleep(1);
                continue;
            }
            if (pid == shell)
                break;
        }
        if (time(NULL) - started < 1)
            sleep(1); /* a shell that dies at once must not spin */
        printf("\ninit: restarting %s\n", SHELL);
    }
}
