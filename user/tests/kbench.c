/* kbench - micro-benchmarks of the kernel: system call, pipe round trip (two
 * context switches), fork+exit+wait, reading /dev/zero, and user-space memcpy
 * as the yardstick for copy speed. Prints one line per measurement. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void bench_syscall(int rounds)
{
    double start = now_us();
    for (int i = 0; i < rounds; i++)
        syscall(SYS_getppid);
    printf("kbench: getppid: %.3f us per call (%d calls)\n", (now_us() - start) / rounds, rounds);
}

static void bench_pipe_round_trip(int rounds)
{
    int to_child[2], to_parent[2];
    char byte = 'x';
    if (pipe(to_child) || pipe(to_parent)) {
        perror("pipe");
        return;
    }
    pid_t child = fork();
    if (child == 0) {
        for (int i = 0; i < rounds; i++) {
            if (read(to_child[0], &byte, 1) != 1 || write(to_parent[1], &byte, 1) != 1)
                _exit(1);
        }
        _exit(0);
    }
    double start = now_us();
    for (int i = 0; i < rounds; i++) {
        if (write(to_child[1], &byte, 1) != 1 || read(to_parent[0], &byte, 1) != 1)
            break;
    }
    double elapsed = now_us() - start;
    waitpid(child, NULL, 0);
    printf("kbench: pipe round trip: %.2f us (two context switches; %d rounds)\n", elapsed / rounds, rounds);
    close(to_child[0]);
    close(to_child[1]);
    close(to_parent[0]);
    close(to_parent[1]);
}

static void bench_fork(int rounds)
{
    double start = now_us();
    for (int i = 0; i < rounds; i++) {
        pid_t child = fork();
        if (child == 0)
            _exit(0);
        waitpid(child, NULL, 0);
    }
    printf("kbench: fork+exit+wait: %.1f us (%d rounds)\n", (now_us() - start) / rounds, rounds);
}

static void bench_read(const char *path, size_t total)
{
    static char buffer[65536];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        return;
    }
    size_t done = 0;
    double start = now_us();
    while (done < total) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    double seconds = (now_us() - start) / 1e6;
    close(fd);
    printf("kbench: read %s: %.0f MB/s (%zu bytes)\n", path, done / seconds / 1e6, done);
}

static void bench_memcpy(size_t total)
{
    static char from[65536], to[65536];
    memset(from, 1, sizeof from);
    double start = now_us();
    for (size_t done = 0; done < total; done += sizeof from) {
        memcpy(to, from, sizeof from);
        __asm__ volatile("" : : "r"(to), "r"(from) : "memory");   /* keep the copy */
    }
    double seconds = (now_us() - start) / 1e6;
    printf("kbench: memcpy in user space: %.0f MB/s (%zu bytes, the yardstick)\n", total / seconds / 1e6, total);
}

int main(int argc, char **argv)
{
    bench_syscall(100000);
    bench_pipe_round_trip(10000);
    bench_fork(200);
    bench_read("/dev/zero", 64u << 20);
    bench_memcpy(64u << 20);
    for (int i = 1; i < argc; i++)   /* extra devices or files to read, e.g. /dev/memdrive */
        bench_read(argv[i], 64u << 20);
    return 0;
}
