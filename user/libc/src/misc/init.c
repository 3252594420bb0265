/* Process start-up state: environ, the auxiliary vector (getauxval) and the page size. */
#include <linux/auxvec.h>
#include <stddef.h>
#include <sys/auxv.h>

char** environ;
char** __environ_initial; /* what the kernel gave us: setenv never frees these strings */
unsigned long* __auxv;
size_t __page_size = 4096;
char* program_invocation_name = "";
char* program_invocation_short_name = "";

void __libc_init(char** argv, char** envp, unsigned long* auxv)
{
    if (argv[0]) {
        program_invocation_name = argv[0];
        program_invocation_short_name = argv[0];
        for (char* c = argv[0]; *c; ++c)
            if (*c == '/')
                program_invocation_short_name = c + 1;
    }
    environ = envp;
    __environ_initial = envp;
    __auxv = auxv;
    unsigned long pagesz = getauxval(AT_PAGESZ);
    if (pagesz)
        __page_size = pagesz;
}

unsigned long getauxval(unsigned long type)
{
    if (!__auxv)
        return 0;
    for (unsigned long* p = __auxv; p[0] != AT_NULL; p += 2)
        if (p[0] == type)
            return p[1];
    return 0;
}
