/* <sys/wait.h>: wait, waitpid, wait4 and the status macros. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <features.h>
#include <bits/types.h>
#include <linux/wait.h>
#include <signal.h>

/* Status word: exit code in bits 8-15; terminating signal in bits 0-6 (bit 7: core dumped); 0x7f = stopped. */
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WCOREDUMP(s) ((s) & 0x80)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffU && !WIFSTOPPED(s))
#define WIFCONTINUED(s) ((s) == 0xffff)
#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))
#define W_STOPCODE(sig) ((sig) << 8 | 0x7f)

typedef int idtype_t;

struct rusage;

__BEGIN_DECLS

pid_t wait(int* status);
pid_t waitpid(pid_t pid, int* status, int options);
pid_t wait3(int* status, int options, struct rusage* usage);
pid_t wait4(pid_t pid, int* status, int options, struct rusage* usage);
int waitid(idtype_t idtype, id_t id, siginfo_t* info, int options);

__END_DECLS

#endif
