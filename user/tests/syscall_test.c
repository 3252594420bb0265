/* syscall_test - the course's system call exercise: calls sys_hello (349). */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

#define SYS_CALL_HELLO 349

int main(void)
{
    long ret;

    printf("testing system call...\n");
    ret = syscall(SYS_CALL_HELLO);
    printf("executed with return value %ld\n", ret);
    return 0;
}
