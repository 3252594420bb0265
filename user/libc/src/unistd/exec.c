/* The exec family: execve, and the PATH-searching and list-taking variants built on it. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/syscall.h"

int execve(const char* path, char* const argv[], char* const envp[])
{
    return SYSCALL3(__NR_execve, path, argv, envp);
}

int execv(const char* path, char* const argv[]) { return execve(path, argv, environ); }

int fexecve(int fd, char* const argv[], char* const envp[])
{
    return SYSCALL5(__NR_execveat, fd, "", argv, envp, 0x1000 /* AT_EMPTY_PATH */);
}

/* A script without #! (ENOEXEC): POSIX says run it with the shell. */
static void exec_as_script(const char* path, char* const argv[], char* const envp[])
{
    int argc = 0;
    while (argv[argc])
        ++argc;
    char** args = malloc((argc + 2) * sizeof(char*));
    if (!args)
        return;
    args[0] = "sh";
    args[1] = (char*)path;
    for (int i = 1; i <= argc; ++i)
        args[i + 1] = argv[i];
    execve("/bin/sh", args, envp);
    free(args);
}

int execvpe(const char* file, char* const argv[], char* const envp[])
{
    if (!*file) {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/')) {
        execve(file, argv, envp);
        if (errno == ENOEXEC)
            exec_as_script(file, argv, envp);
        return -1;
    }
    const char* path = getenv("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    size_t flen = strlen(file);
    int saw_eacces = 0;
    char buf[PATH_MAX];
    for (const char* p = path;; ++p) {
        const char* end = strchrnul(p, ':');
        size_t dlen = (size_t)(end - p);
        if (dlen + flen + 2 <= sizeof(buf)) {
            memcpy(buf, p, dlen);
            if (dlen == 0)
                buf[dlen++] = '.'; /* an empty entry means the current directory */
            buf[dlen] = '/';
            memcpy(buf + dlen + 1, file, flen + 1);
            execve(buf, argv, envp);
            if (errno == ENOEXEC) {
                exec_as_script(buf, argv, envp);
                return -1;
            }
            if (errno == EACCES)
                saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1;
        }
        if (!*end)
            break;
        p = end;
    }
    if (saw_eacces)
        errno = EACCES;
    return -1;
}

int execvp(const char* file, char* const argv[]) { return execvpe(file, argv, environ); }

/* Gather execl's variadic arguments (up to the NULL) into an array on the stack. */
#define COLLECT_ARGS(first, argv, ap)                       \
    int argc_ = 1;                                          \
    va_start(ap, first);                                    \
    while (va_arg(ap, const char*))                         \
        ++argc_;                                            \
    va_end(ap);                                             \
    char* argv[argc_ + 1];                                  \
    argv[0] = (char*)(first);                               \
    va_start(ap, first);                                    \
    for (int i_ = 1; i_ <= argc_; ++i_)                     \
        argv[i_] = va_arg(ap, char*)

int execl(const char* path, const char* arg, ...)
{
    va_list ap;
    COLLECT_ARGS(arg, argv, ap);
    va_end(ap);
    return execve(path, argv, environ);
}

int execlp(const char* file, const char* arg, ...)
{
    va_list ap;
    COLLECT_ARGS(arg, argv, ap);
    va_end(ap);
    return execvp(file, argv);
}

int execle(const char* path, const char* arg, ...)
{
    va_list ap;
    COLLECT_ARGS(arg, argv, ap);
    char** envp = va_arg(ap, char**); /* execle: the environment follows the NULL */
    va_end(ap);
    return execve(path, argv, envp);
}
