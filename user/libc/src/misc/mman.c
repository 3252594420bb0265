/* Memory mappings: mmap through mmap2 (offset in 4096-byte units), munmap, mprotect, mremap ... */
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>

#include "../internal/syscall.h"

void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    if (offset & 4095) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    if ((unsigned long long)offset >> (32 + 12)) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    long r = SYSCALL6(__NR_mmap2, addr, length, prot, flags, fd, (unsigned long)(offset >> 12));
    return r == -1 ? MAP_FAILED : (void*)r;
}

int munmap(void* addr, size_t length) { return SYSCALL2(__NR_munmap, addr, length); }
int mprotect(void* addr, size_t length, int prot) { return SYSCALL3(__NR_mprotect, addr, length, prot); }
int msync(void* addr, size_t length, int flags) { return SYSCALL3(__NR_msync, addr, length, flags); }
int madvise(void* addr, size_t length, int advice) { return SYSCALL3(__NR_madvise, addr, length, advice); }
int posix_madvise(void* addr, size_t length, int advice)
{
    long r = __syscall3(__NR_madvise, (long)addr, (long)length, advice);
    return r < 0 ? (int)-r : 0;
}
int mlock(const void* addr, size_t length) { return SYSCALL2(__NR_mlock, addr, length); }
int munlock(const void* addr, size_t length) { return SYSCALL2(__NR_munlock, addr, length); }
int mlockall(int flags) { return SYSCALL1(__NR_mlockall, flags); }
int munlockall(void) { return SYSCALL0(__NR_munlockall); }

void* mremap(void* old_addr, size_t old_size, size_t new_size, int flags, ...)
{
    void* new_addr = 0;
    if (flags & MREMAP_FIXED) {
        va_list ap;
        va_start(ap, flags);
        new_addr = va_arg(ap, void*);
        va_end(ap);
    }
    long r = SYSCALL5(__NR_mremap, old_addr, old_size, new_size, flags, new_addr);
    return r == -1 ? MAP_FAILED : (void*)r;
}
