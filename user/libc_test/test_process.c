/* Checks of fork, wait status macros, pipes between processes, exec and the environment it passes. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

/* Through an exec wrapper, execvp's search cannot find us directly (it would exec an i386 program
 * itself): DIR gets a script of our NAME that runs "WRAPPER self_path ARGS...", and the search
 * must find that one instead. Returns 0 with the script's path in SCRIPT. */
static int make_path_script(const char* name, char* dir, size_t dir_size, char* script, size_t script_size)
{
    if (strchr(self_path, '\'') || strchr(exec_wrapper(), '\'') || strchr(name, '/'))
        return -1;
    snprintf(dir, dir_size, "%s/libc_test-path.%d", test_dir, (int)getpid());
    snprintf(script, script_size, "%s/%s", dir, name);
    if (mkdir(dir, 0755) != 0)
        return -1;
    int fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (fd < 0) {
        rmdir(dir);
        return -1;
    }
    int ok = dprintf(fd, "#!/bin/sh\nexec '%s' '%s' \"$@\"\n", exec_wrapper(), self_path) > 0;
    close(fd);
    return ok ? 0 : -1;
}

void test_process(void)
{
    pid_t me = getpid();
    CHECK(me > 0 && getppid() >= 0);

    int status = 0;
    pid_t child = fork();
    if (child == 0)
        _exit(7);
    CHECK(child > 0);
    CHECK(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7 && !WIFSIGNALED(status));

    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    if (kill(child, SIGTERM) != 0) {
        CHECK(!"kill failed: the child would pause forever");
        return;
    }
    CHECK(wait(&status) == child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM && !WIFEXITED(status));
    CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD);

    /* Parent and child talk through a pipe; the child's exit status carries its pid check. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    child = fork();
    if (child == 0) {
        close(fds[0]);
        const char msg[] = "through the pipe";
        write(fds[1], msg, sizeof(msg));
        _exit(getppid() == me ? 0 : 1);
    }
    close(fds[1]);
    char buf[32] = { 0 };
    CHECK(read(fds[0], buf, sizeof(buf)) == 17 && strcmp(buf, "through the pipe") == 0);
    CHECK(read(fds[0], buf, sizeof(buf)) == 0);
    close(fds[0]);
    CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* exec: ourselves with "--exit 5 x" exits with 5 + argc (4). */
    child = fork();
    if (child == 0) {
        char* args[] = { (char*)self_path, "--exit", "5", "x", NULL };
        exec_wrapped(self_path, args, environ);
        _exit(99);
    }
    CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 9);

    /* execve passes the environment we give it; the child prints the variable into a pipe. */
    CHECK(pipe(fds) == 0);
    child = fork();
    if (child == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        char* args[] = { (char*)self_path, "--print-env", NULL };
        char* env[] = { "LIBC_TEST_VAR=passed-through", NULL };
        exec_wrapped(self_path, args, env);
        _exit(99);
    }
    close(fds[1]);
    memset(buf, 0, sizeof(buf));
    int total = 0, n;
    while ((n = read(fds[0], buf + total, sizeof(buf) - 1 - total)) > 0)
        total += n;
    close(fds[0]);
    CHECK_STR(buf, "passed-through\n");
    CHECK(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 0);

    errno = 0;
    CHECK(execl("/nonexistent/program", "x", (char*)NULL) == -1 && errno == ENOENT);
    char* args[] = { "no-such-command-anywhere", NULL };
    CHECK(execvp(args[0], args) == -1 && errno == ENOENT);

    /* execvp's PATH search finds us by name in our own directory (or the wrapper script's). */
    const char* slash = strrchr(self_path, '/');
    if (slash && self_path[0] == '/') {
        char dir[256], script[512] = "";
        size_t len = (size_t)(slash - self_path);
        memcpy(dir, self_path, len);
        dir[len] = 0;
        if (exec_wrapper())
            CHECK(make_path_script(slash + 1, dir, sizeof(dir), script, sizeof(script)) == 0);
        child = fork();
        if (child == 0) {
            setenv("PATH", dir, 1);
            char* a[] = { (char*)slash + 1, "--exit", "1", NULL };
            execvp(a[0], a);
            _exit(99);
        }
        CHECK(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 4);
        if (script[0]) {
            unlink(script);
            rmdir(dir);
        }
    }

    /* Process groups and sessions. */
    child = fork();
    if (child == 0)
        _exit(setsid() == getpid() && getpgrp() == getpid() && getsid(0) == getpid() ? 0 : 1);
    CHECK(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 0);
    CHECK(getpgid(0) == getpgrp());
}
