// Sockets: kernlab has no networking and says so the way a Linux built without
// CONFIG_NET does (-ENOSYS). glibc's syslog(), which su and login call, then
// stays silent instead of filling the log with unknown system calls.
#include <linux/errno.h>

extern "C" long sys_socketcall(int, unsigned long*)
{
    return -ENOSYS;
}

extern "C" long sys_socket(int, int, int)
{
    return -ENOSYS;
}
