/* modbench - times loading and unloading a module: finit_module + delete_module, N rounds. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/lib/modules/hello.ko";
    const char *name = argc > 2 ? argv[2] : "hello";
    int rounds = argc > 3 ? atoi(argv[3]) : 100;
    double load_total = 0, unload_total = 0;
    for (int i = 0; i < rounds; i++) {
        int fd = open(path, O_RDONLY);
        if (fd < 0) {
            perror(path);
            return 1;
        }
        double start = now_us();
        if (syscall(SYS_finit_module, fd, "", 0) != 0) {
            perror("finit_module");
            return 1;
        }
        double loaded = now_us();
        close(fd);
        double unload_start = now_us();
        if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0) {
            perror("delete_module");
            return 1;
        }
        unload_total += now_us() - unload_start;
        load_total += loaded - start;
    }
    printf("modbench: %s, %d rounds: insmod %.0f us, rmmod %.0f us, together %.0f us per round\n", path, rounds,
           load_total / rounds, unload_total / rounds, (load_total + unload_total) / rounds);
    return 0;
}
