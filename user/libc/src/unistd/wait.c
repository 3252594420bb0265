/* Waiting for children: wait, waitpid, wait3, wait4 (114), waitid (284). */
#include <sys/resource.h>
#include <sys/wait.h>

#include "../internal/syscall.h"

pid_t wait4(pid_t pid, int* status, int options, struct rusage* usage)
{
    return SYSCALL4(__NR_wait4, pid, status, options, usage);
}

pid_t waitpid(pid_t pid, int* status, int options) { return wait4(pid, status, options, NULL); }
pid_t wait(int* status) { return wait4(-1, status, 0, NULL); }
pid_t wait3(int* status, int options, struct rusage* usage) { return wait4(-1, status, options, usage); }

int waitid(idtype_t idtype, id_t id, siginfo_t* info, int options)
{
    return SYSCALL5(__NR_waitid, idtype, id, info, options, 0);
}
