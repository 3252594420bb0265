/* spawn_test: the ways glibc starts a program without fork: vfork + execve,
 * posix_spawn (clone(CLONE_VM|CLONE_VFORK) on a separate stack) and popen.
 * Each prints "<name> ok"; then "spawn_test ok". */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

static int check_status(const char* name, int status, int expected)
{
    if (!WIFEXITED(status) || WEXITSTATUS(status) != expected) {
        printf("%s: status 0x%x, expected exit %d\n", name, status, expected);
        return 1;
    }
    printf("%s ok\n", name);
    return 0;
}

static int test_vfork(void)
{
    /* The parent sleeps until the child execs or exits: a variable the child
     * writes is seen by the parent, since the memory is shared. */
    volatile int shared = 0;
    pid_t pid = vfork();
    if (pid < 0) {
        perror("vfork");
        return 1;
    }
    if (pid == 0) {
        shared = 42;
        _exit(7);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return 1;
    }
    if (shared != 42) {
        printf("vfork: the child's write is not visible (%d)\n", shared);
        return 1;
    }
    if (check_status("vfork_exit", status, 7))
        return 1;

    pid = vfork();
    if (pid == 0) {
        char* argv[] = { "sh", "-c", "exit 3", NULL };
        execve("/bin/sh", argv, environ);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return 1;
    }
    return check_status("vfork_exec", status, 3);
}

static int test_posix_spawn(void)
{
    pid_t pid;
    char* argv[] = { "glibc_true", NULL };
    int error = posix_spawn(&pid, "/usr/bin/glibc_true", NULL, NULL, argv, environ);
    if (error) {
        printf("posix_spawn: error %d\n", error);
        return 1;
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return 1;
    }
    if (check_status("posix_spawn", status, 0))
        return 1;
    /* A program that is not there: posix_spawn reports the exec error. */
    char* missing[] = { "missing", NULL };
    error = posix_spawn(&pid, "/no/such/program", NULL, NULL, missing, environ);
    if (error == 0) {
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 127) {
            printf("posix_spawn of a missing program: status 0x%x\n", status);
            return 1;
        }
    }
    printf("posix_spawn_missing ok\n");
    return 0;
}

static int test_popen(void)
{
    FILE* pipe = popen("echo popen-output", "r");
    if (!pipe) {
        perror("popen");
        return 1;
    }
    char line[64] = "";
    if (!fgets(line, sizeof(line), pipe)) {
        printf("popen: no output\n");
        pclose(pipe);
        return 1;
    }
    int status = pclose(pipe);
    if (strcmp(line, "popen-output\n") != 0) {
        printf("popen: read %s", line);
        return 1;
    }
    return check_status("popen", status, 0);
}

int main(void)
{
    int failed = test_vfork();
    failed |= test_posix_spawn();
    failed |= test_popen();
    printf(failed ? "spawn_test FAILED\n" : "spawn_test ok\n");
    return failed;
}
