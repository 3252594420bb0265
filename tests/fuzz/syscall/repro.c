/* fuzzrepro: small reproducers of kernel bugs that sysfuzz found, one
 * subcommand each, for the boot tests in tests/boot/fuzz_tests.py.
 *
 *   fuzzrepro orphan-exit-signal   a clone child asks for SIGUSR1 as its exit
 *       signal, is orphaned and exits: init must get SIGCHLD, not SIGUSR1
 *       (which halts it). Linux resets the exit signal when it reparents.
 *   fuzzrepro kill PID SIG   kill(PID, SIG) and its result: with PID -PGID a user
 *       may signal only the processes of the group it may signal one by one.
 *   fuzzrepro finit-bad-args MODULE   finit_module with an unreadable argument
 *       string, 100 times: -EFAULT each time. The kernel freed its argument
 *       buffer twice on that path (seen by slub_debug).
 *   fuzzrepro stale-not-present-fs   %fs holds a TLS selector whose descriptor
 *       set_thread_area then marks not present: the kernel's return to user
 *       space reloads %fs, takes #NP, and must load the null selector instead
 *       (it panicked: sysfuzz seed 5042 as uid 1000). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int orphan_exit_signal(void)
{
    pid_t middle = fork();
    if (middle == 0) {
        long child = syscall(SYS_clone, SIGUSR1, 0, 0, 0, 0);   /* fork, with SIGUSR1 as the exit signal */
        if (child == 0) {
            sleep(1);            /* by then our parent is gone and init is our parent */
            _exit(0);
        }
        _exit(child > 0 ? 0 : 1);
    }
    int status;
    waitpid(middle, &status, 0);
    sleep(2);
    printf("fuzzrepro: orphan-exit-signal: the orphan exited (middle process status %d)\n", WEXITSTATUS(status));
    return 0;
}

static int do_kill(const char *pid, const char *sig)
{
    long r = kill(strtol(pid, NULL, 0), atoi(sig));
    printf("fuzzrepro: kill(%s, %s) = %ld%s%s\n", pid, sig, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
    return 0;
}

struct tls_desc {   /* struct user_desc (asm/ldt.h) */
    unsigned int entry_number;
    unsigned int base_addr;
    unsigned int limit;
    unsigned int seg_32bit : 1, contents : 2, read_exec_only : 1, limit_in_pages : 1, seg_not_present : 1,
        useable : 1;
};

static int stale_not_present_fs(void)
{
    struct tls_desc d = { (unsigned)-1, 0, 0xfffff, 1, 0, 0, 1, 0, 1 };
    if (syscall(SYS_set_thread_area, &d) < 0) {
        perror("set_thread_area");
        return 1;
    }
    unsigned selector = d.entry_number << 3 | 3, fs;
    __asm__ volatile("mov %0, %%fs" : : "r"(selector));
    d.seg_not_present = 1;   /* still a data segment, but not present */
    long r = syscall(SYS_set_thread_area, &d);
    syscall(SYS_getpid);
    __asm__ volatile("mov %%fs, %0" : "=r"(fs));
    printf("fuzzrepro: stale-not-present-fs: set_thread_area %ld, %%fs was %#x, is %#x\n", r, selector, fs);
    return fs == 0 ? 0 : 1;
}

static int finit_bad_args(const char *module)
{
    int fd = open(module, O_RDONLY);
    if (fd < 0) {
        perror(module);
        return 1;
    }
    int efault = 0;
    for (int i = 0; i < 100; ++i)
        if (syscall(SYS_finit_module, fd, (const char *)1, 0) < 0 && errno == EFAULT)
            ++efault;
    close(fd);
    printf("fuzzrepro: finit-bad-args: %d of 100 calls gave EFAULT\n", efault);
    return efault == 100 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "orphan-exit-signal"))
        return orphan_exit_signal();
    if (argc == 4 && !strcmp(argv[1], "kill"))
        return do_kill(argv[2], argv[3]);
    if (argc == 2 && !strcmp(argv[1], "stale-not-present-fs"))
        return stale_not_present_fs();
    if (argc == 3 && !strcmp(argv[1], "finit-bad-args"))
        return finit_bad_args(argv[2]);
    fprintf(stderr, "usage: fuzzrepro orphan-exit-signal | kill PID SIG | finit-bad-args MODULE | stale-not-present-fs\n");
    return 1;
}
