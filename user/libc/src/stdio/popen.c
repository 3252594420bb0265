/* popen/pclose: a stream connected to "/bin/sh -c command" through a pipe. */
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../internal/stdio_impl.h"

FILE* popen(const char* command, const char* mode)
{
    int reading = mode[0] == 'r';
    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) {
        errno = EINVAL;
        return NULL;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return NULL;
    int mine = reading ? fds[0] : fds[1];
    int theirs = reading ? fds[1] : fds[0];
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return NULL;
    }
    if (pid == 0) {
        int target = reading ? 1 : 0;
        if (theirs != target)
            dup2(theirs, target);
        else
            fcntl(theirs, F_SETFD, 0);
        execl("/bin/sh", "sh", "-c", command, (char*)NULL);
        _exit(127);
    }
    close(theirs);
    if (mode[1] != 'e')
        fcntl(mine, F_SETFD, 0);
    FILE* f = __stdio_new(mine, reading ? F_READ : F_WRITE);
    if (!f) {
        close(mine);
        return NULL;
    }
    f->pid = pid;
    return f;
}

int pclose(FILE* f)
{
    pid_t pid = f->pid;
    fclose(f);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}
