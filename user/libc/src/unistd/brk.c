/* brk and sbrk. The brk system call returns the new break, or the old one when it cannot move. */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "../internal/libc.h"
#include "../internal/syscall.h"

unsigned long __brk_current(void) { return (unsigned long)__syscall1(__NR_brk, 0); }

int brk(void* addr)
{
    unsigned long result = (unsigned long)__syscall1(__NR_brk, (long)addr);
    if (result < (unsigned long)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void* sbrk(intptr_t increment)
{
    unsigned long cur = __brk_current();
    if (increment == 0)
        return (void*)cur;
    unsigned long want = cur + (unsigned long)increment;
    if ((unsigned long)__syscall1(__NR_brk, (long)want) != want) {
        errno = ENOMEM;
        return (void*)-1;
    }
    return (void*)cur;
}
