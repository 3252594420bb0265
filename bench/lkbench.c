/* lkbench - the benchmark program bench/bench.py runs on kernlab and on Linux:
 * one static glibc binary (i686-linux-gnu-gcc -static), the same file on both.
 *   lkbench [-t MS] [-n NAME] METRIC [ARGS...]
 * prints one line, "lkbench: NAME VALUE UNIT", or "lkbench: NAME n/a REASON"
 * when the kernel refuses the operation (NAME is METRIC unless -n gives one).
 * Timed loops run in growing batches until -t milliseconds (default 200) have
 * passed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double budget_ns = 200e6;
static const char *row_name;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

/* Runs op(arg) in batches of 1, 2, 4, ... until the budget is spent and
 * returns nanoseconds per call. */
static double ns_per_op(void (*op)(void *), void *arg)
{
    double start = now_ns(), elapsed = 0;
    long done = 0;
    for (long batch = 1; elapsed < budget_ns; batch *= 2) {
        for (long i = 0; i < batch; i++)
            op(arg);
        done += batch;
        elapsed = now_ns() - start;
    }
    return elapsed / done;
}

static void report(const char *metric, double value, const char *unit)
{
    printf("lkbench: %s %.3f %s\n", row_name ? row_name : metric, value, unit);
}

static void report_refusal(const char *metric, int error)
{
    printf("lkbench: %s n/a %s\n", row_name ? row_name : metric, strerror(error));
}

static void op_getpid(void *arg)
{
    (void)arg;
    syscall(SYS_getpid);
}

/* The cheapest trip into the kernel: a number no kernel has (-ENOSYS). */
static void op_int80(void *arg)
{
    long result;
    (void)arg;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(-1L) : "memory");
}

static void op_write_byte(void *arg)
{
    if (write(*(int *)arg, "x", 1) != 1)
        die("write");
}

/* Two pipes, one byte each way: the parent's write wakes the child, whose
 * answer wakes the parent. */
static double pipe_round_trip(void)
{
    int there[2], back[2];
    char byte = 'x';
    if (pipe(there) || pipe(back))
        die("pipe");
    pid_t child = fork();
    if (child < 0)
        die("fork");
    if (child == 0) {
        close(there[1]); /* so that the parent's close is the end of input */
        close(back[0]);
        while (read(there[0], &byte, 1) == 1)
            if (write(back[1], &byte, 1) != 1)
                _exit(1);
        _exit(0);
    }
    close(there[0]);
    close(back[1]);
    double start = now_ns(), elapsed = 0;
    long rounds = 0;
    while (elapsed < budget_ns) {
        for (int i = 0; i < 64; i++)
            if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1)
                die("pipe round trip");
        rounds += 64;
        elapsed = now_ns() - start;
    }
    close(there[1]);
    waitpid(child, NULL, 0);
    close(back[0]);
    return elapsed / rounds;
}

/* Two processes calling sched_yield on one CPU: each yield is one switch.
 * The child counts its own yields; the parent times its own and halves the
 * time per round (its yield plus the child's). */
static double yield_switch(void)
{
    pid_t child = fork();
    if (child < 0)
        die("fork");
    if (child == 0) {
        for (;;)
            sched_yield();
    }
    sched_yield(); /* let the child start */
    double start = now_ns(), elapsed = 0;
    long rounds = 0;
    while (elapsed < budget_ns) {
        for (int i = 0; i < 256; i++)
            sched_yield();
        rounds += 256;
        elapsed = now_ns() - start;
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return elapsed / rounds / 2;
}

static void op_fork(void *arg)
{
    (void)arg;
    pid_t child = fork();
    if (child < 0)
        die("fork");
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
}

static void op_fork_exec(void *arg)
{
    char **argv = arg;
    pid_t child = fork();
    if (child < 0)
        die("fork");
    if (child == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "lkbench: %s failed (status %#x)\n", argv[0], status);
        exit(1);
    }
}

enum { MMAP_BYTES = 16 << 20, PAGE = 4096 };

static char *map_anonymous(size_t bytes)
{
    char *area = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED)
        die("mmap");
    return area;
}

static void touch_pages(char *area, size_t bytes)
{
    for (size_t offset = 0; offset < bytes; offset += PAGE)
        area[offset] = 1;
}

static void op_mmap_touch_unmap(void *arg)
{
    (void)arg;
    char *area = map_anonymous(MMAP_BYTES);
    touch_pages(area, MMAP_BYTES);
    munmap(area, MMAP_BYTES);
}

/* Page-fault cost: the 16 MiB round trip divided by its pages, less the
 * mmap/munmap pair, which is timed on its own. */
static void op_mmap_unmap(void *arg)
{
    (void)arg;
    munmap(map_anonymous(MMAP_BYTES), MMAP_BYTES);
}

static void op_open_close(void *arg)
{
    int fd = open(arg, O_RDONLY);
    if (fd < 0)
        die(arg);
    close(fd);
}

static void op_stat(void *arg)
{
    struct stat st;
    if (stat(arg, &st))
        die(arg);
}

static void op_create_write_unlink(void *arg)
{
    static char block[4096];
    char path[256];
    snprintf(path, sizeof path, "%s/lkbench.tmp", (char *)arg);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        die(path);
    if (write(fd, block, sizeof block) != sizeof block)
        die("write");
    close(fd);
    if (unlink(path))
        die("unlink");
}

/* Sequential I/O over `bytes` of a file or device in `block`-sized requests,
 * the write followed by fsync. Returns MB/s, or -errno if open refused the
 * flags (O_DIRECT where a kernel lacks it). */
static double sequential(const char *path, int writing, size_t block, int direct, size_t bytes)
{
    char *buffer;
    if (posix_memalign((void **)&buffer, PAGE, block))
        die("posix_memalign");
    memset(buffer, 0x5a, block);
    int fd = open(path, (writing ? O_WRONLY | O_CREAT : O_RDONLY) | (direct ? O_DIRECT : 0), 0644);
    if (fd < 0)
        return -errno;
    double start = now_ns();
    for (size_t done = 0; done < bytes; done += block) {
        ssize_t n = writing ? write(fd, buffer, block) : read(fd, buffer, block);
        if (n != (ssize_t)block) {
            int error = n < 0 ? errno : EIO;
            close(fd);
            free(buffer);
            return -error;
        }
    }
    if (writing && fsync(fd))
        die("fsync");
    double elapsed = now_ns() - start;
    close(fd);
    free(buffer);
    return bytes / (elapsed / 1e9) / 1e6;
}

static void copy_movsl(void *to, const void *from, size_t bytes)
{
    size_t count = bytes / 4;
    __asm__ volatile("rep movsl" : "+D"(to), "+S"(from), "+c"(count) : : "memory");
}

static void copy_memcpy(void *to, const void *from, size_t bytes)
{
    memcpy(to, from, bytes);
}

/* The copy speed a RAM disk cannot beat: copies between two 1 MiB buffers, by
 * rep movsl or by glibc's memcpy. QEMU's TCG finds guest pages through a
 * direct-mapped software TLB of a power of two entries: two buffers a multiple
 * of 256 pages apart (two mmaps of 1 MiB, one after the other) share entries
 * page for page, and the copy runs some 15 times slower. These lie 273 pages
 * apart, an odd number, so the row measures the copy. */
static double copy_mb_per_s(void (*copy)(void *, const void *, size_t))
{
    enum { BYTES = 1 << 20, APART = BYTES + 17 * PAGE };
    char *from = map_anonymous(APART + BYTES), *to = from + APART;
    memset(from, 1, BYTES);
    memset(to, 0, BYTES);
    double start = now_ns(), elapsed = 0;
    long copies = 0;
    while (elapsed < budget_ns) {
        copy(to, from, BYTES);
        copies++;
        elapsed = now_ns() - start;
    }
    return (double)copies * BYTES / (elapsed / 1e9) / 1e6;
}

struct module_file {
    const char *path, *name;
};

static void op_insmod_rmmod(void *arg)
{
    struct module_file *module = arg;
    int fd = open(module->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die(module->path);
    if (syscall(SYS_finit_module, fd, "", 0))
        die("finit_module");
    close(fd);
    if (syscall(SYS_delete_module, module->name, O_NONBLOCK))
        die("delete_module");
}

static void usage(void)
{
    fputs("usage: lkbench [-t MS] [-n NAME] METRIC [ARGS]\n"
          "  getpid | int80 | devnull | pipe | yield | fork | mmap | pagefault | movsl | memcpy\n"
          "  exec PROGRAM [ARGS]      fork+exec+wait\n"
          "  open PATH | stat PATH | create DIR\n"
          "  read|write PATH BLOCK_BYTES buffered|direct TOTAL_MIB\n"
          "  insmod FILE.ko NAME\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    int arg = 1;
    for (; arg + 1 < argc && argv[arg][0] == '-' && argv[arg][2] == '\0'; arg += 2) {
        if (argv[arg][1] == 't')
            budget_ns = atof(argv[arg + 1]) * 1e6;
        else if (argv[arg][1] == 'n')
            row_name = argv[arg + 1];
        else
            usage();
    }
    if (arg >= argc)
        usage();
    const char *metric = argv[arg++];
    int extra = argc - arg;
    char **args = argv + arg;

    if (!strcmp(metric, "getpid"))
        report(metric, ns_per_op(op_getpid, NULL), "ns");
    else if (!strcmp(metric, "int80"))
        report(metric, ns_per_op(op_int80, NULL), "ns");
    else if (!strcmp(metric, "devnull")) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd < 0)
            die("/dev/null");
        report(metric, ns_per_op(op_write_byte, &fd), "ns");
    } else if (!strcmp(metric, "pipe"))
        report(metric, pipe_round_trip() / 1e3, "us");
    else if (!strcmp(metric, "yield"))
        report(metric, yield_switch(), "ns");
    else if (!strcmp(metric, "fork"))
        report(metric, ns_per_op(op_fork, NULL) / 1e3, "us");
    else if (!strcmp(metric, "exec") && extra >= 1)
        report(metric, ns_per_op(op_fork_exec, args) / 1e3, "us");
    else if (!strcmp(metric, "mmap"))
        report(metric, ns_per_op(op_mmap_touch_unmap, NULL) / 1e3, "us");
    else if (!strcmp(metric, "pagefault")) {
        double whole = ns_per_op(op_mmap_touch_unmap, NULL), bare = ns_per_op(op_mmap_unmap, NULL);
        report(metric, (whole - bare) / (MMAP_BYTES / PAGE), "ns");
    } else if (!strcmp(metric, "movsl"))
        report(metric, copy_mb_per_s(copy_movsl), "MB/s");
    else if (!strcmp(metric, "memcpy"))
        report(metric, copy_mb_per_s(copy_memcpy), "MB/s");
    else if (!strcmp(metric, "open") && extra == 1)
        report(metric, ns_per_op(op_open_close, args[0]) / 1e3, "us");
    else if (!strcmp(metric, "stat") && extra == 1)
        report(metric, ns_per_op(op_stat, args[0]) / 1e3, "us");
    else if (!strcmp(metric, "create") && extra == 1)
        report(metric, ns_per_op(op_create_write_unlink, args[0]) / 1e3, "us");
    else if ((!strcmp(metric, "read") || !strcmp(metric, "write")) && extra == 4) {
        double rate = sequential(args[0], metric[0] == 'w', strtoul(args[1], NULL, 0), !strcmp(args[2], "direct"),
                                 strtoul(args[3], NULL, 0) << 20);
        if (rate < 0)
            report_refusal(metric, (int)-rate);
        else
            report(metric, rate, "MB/s");
    } else if (!strcmp(metric, "insmod") && extra == 2) {
        struct module_file module = {args[0], args[1]};
        report(metric, ns_per_op(op_insmod_rmmod, &module) / 1e3, "us");
    } else
        usage();
    return 0;
}
