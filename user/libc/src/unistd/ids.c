/* User and group ids, through the 32-bit-id system calls (getuid32 ...), as glibc does on i386. */
#include <unistd.h>

#include "../internal/syscall.h"

uid_t getuid(void) { return __syscall0(__NR_getuid32); }
uid_t geteuid(void) { return __syscall0(__NR_geteuid32); }
gid_t getgid(void) { return __syscall0(__NR_getgid32); }
gid_t getegid(void) { return __syscall0(__NR_getegid32); }
int setuid(uid_t uid) { return SYSCALL1(__NR_setuid32, uid); }
int setgid(gid_t gid) { return SYSCALL1(__NR_setgid32, gid); }
int seteuid(uid_t uid) { return SYSCALL3(__NR_setresuid32, -1, uid, -1); }
int setegid(gid_t gid) { return SYSCALL3(__NR_setresgid32, -1, gid, -1); }
int setreuid(uid_t ruid, uid_t euid) { return SYSCALL2(__NR_setreuid32, ruid, euid); }
int setregid(gid_t rgid, gid_t egid) { return SYSCALL2(__NR_setregid32, rgid, egid); }
int setresuid(uid_t r, uid_t e, uid_t s) { return SYSCALL3(__NR_setresuid32, r, e, s); }
int setresgid(gid_t r, gid_t e, gid_t s) { return SYSCALL3(__NR_setresgid32, r, e, s); }
int getresuid(uid_t* r, uid_t* e, uid_t* s) { return SYSCALL3(__NR_getresuid32, r, e, s); }
int getresgid(gid_t* r, gid_t* e, gid_t* s) { return SYSCALL3(__NR_getresgid32, r, e, s); }
int getgroups(int size, gid_t list[]) { return SYSCALL2(__NR_getgroups32, size, list); }
int setgroups(size_t size, const gid_t* list) { return SYSCALL2(__NR_setgroups32, size, list); }
