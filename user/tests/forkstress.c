/* forkstress - run /bin/true N times with fork + execve + waitpid and print a summary.
 * On a host that runs i386 programs only through qemu-i386, run-i386.sh sets KERNLAB_EXEC_WRAPPER
 * (qemu-i386's absolute path): the child then execs "WRAPPER PROG", since qemu-user hands execve
 * straight to the host kernel. Never set in kernlab. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    const char *prog = argc > 2 ? argv[2] : "/bin/true";
    int ok = 0, failed = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            printf("forkstress: fork %d: %s\n", i, strerror(errno));
            failed++;
            break;
        }
        if (pid == 0) {
            const char *wrapper = getenv("KERNLAB_EXEC_WRAPPER");
            char *args[] = { (char *)prog, NULL };
            char *wrapped[] = { (char *)wrapper, (char *)prog, NULL };
            char *env[] = { NULL };
            if (wrapper && *wrapper)
                execve(wrapper, wrapped, env);
            else
                execve(prog, args, env);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) != pid) {
            printf("forkstress: waitpid %d: %s\n", (int)pid, strerror(errno));
            failed++;
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            ok++;
        } else {
            failed++;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("forkstress: %d runs of %s: %d ok, %d failed, %ld ms\n", n, prog, ok, failed, ms);
    return failed ? 1 : 0;
}
