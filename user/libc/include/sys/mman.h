/* <sys/mman.h>: mmap (through mmap2), munmap, mprotect, msync, mremap, madvise, mlock. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <features.h>
#include <bits/types.h>
#include <linux/mman.h>

__BEGIN_DECLS

void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void* addr, size_t length);
int mprotect(void* addr, size_t length, int prot);
int msync(void* addr, size_t length, int flags);
void* mremap(void* old_addr, size_t old_size, size_t new_size, int flags, ...);
int madvise(void* addr, size_t length, int advice);
int posix_madvise(void* addr, size_t length, int advice);
int mlock(const void* addr, size_t length);
int munlock(const void* addr, size_t length);
int mlockall(int flags);
int munlockall(void);

__END_DECLS

#endif
