/* The exec checks on a host that cannot run i386 programs: qemu-user hands our execve straight to
 * the host kernel, so run-i386.sh (and only it, in its qemu mode) sets KERNLAB_EXEC_WRAPPER to
 * qemu-i386's absolute path and the checks exec "WRAPPER PROGRAM ARGS..." instead. Never set in kernlab. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"

enum { MAX_ARGS = 16 };

const char* exec_wrapper(void)
{
    const char* w = getenv("KERNLAB_EXEC_WRAPPER");
    return w && *w ? w : NULL;
}

int exec_wrapped(const char* path, char* const argv[], char* const envp[])
{
    const char* wrapper = exec_wrapper();
    if (!wrapper)
        return execve(path, argv, envp);
    /* The wrapper gives the program its path as argv[0]. */
    char* args[2 + MAX_ARGS + 1] = { (char*)wrapper, (char*)path };
    int n = 2;
    for (int i = 1; argv[0] && argv[i]; i++) {
        if (i > MAX_ARGS) {
            errno = E2BIG;
            return -1;
        }
        args[n++] = argv[i];
    }
    args[n] = NULL;
    return execve(wrapper, args, envp);
}
