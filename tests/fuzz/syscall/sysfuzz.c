/* sysfuzz: a ring-3 system call fuzzer for kernlab (tests/fuzz/README.md).
 *
 *   sysfuzz [-s SEED] [-n CALLS] [-k PER_BATCH] [-b BATCH] [-t SECONDS] [-v] [-c]
 *
 * Makes CALLS random system calls with hostile arguments, PER_BATCH of them in
 * each forked child. Batch b's calls follow from (SEED, b) alone, so
 * `sysfuzz -s SEED -k PER_BATCH -b b -v` makes them again, printing each one
 * before it is made. A child may crash, be killed or hang (it is killed after
 * SECONDS): that is the child's business. The kernel's is to stay up and never
 * oops: after each batch the parent reads /dev/kmsg and stops at the first
 * "Oops", "BUG:", "Call Trace" or panic (-c goes on), naming the batch and the
 * call the child was making. Exit status: 0 fine, 2 kernel trouble, 3 a child
 * that SIGKILL did not end, 1 usage. */
#include <asm/unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sysfuzz.h"

/* What the child is doing, in memory the parent shares, for the report. */
struct progress {
    volatile uint32_t batch, index, nr;
    volatile uint32_t args[6];
    volatile uint32_t eflags;   /* set by sigreturn_landing */
};

static struct options {
    uint64_t seed;
    unsigned long calls, per_batch, timeout;
    long only_batch;
    int verbose, keep_going;
} opt = { 0, 1000, 100, 10, -1, 0, 0 };

static struct progress *progress;

static void say(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *format, ...)
{
    char line[512];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    if (n > (int)sizeof line - 1)
        n = sizeof line - 1;
    write(opt.verbose ? LOG_FD : 1, line, n);
}

/* ---- the child ---- */

/* A sigreturn frame (Linux i386 layout): random, with a plausible sigcontext
 * now and then, whose eip is sigreturn_landing on a stack in the arena. */
static void *sigreturn_frame(int rt)
{
    uint32_t *frame = (uint32_t *)(ARENA + 8 * PAGE);
    for (unsigned i = 0; i < 256; ++i)
        frame[i] = rnd();
    /* sigreturn reads the sigcontext at esp, rt_sigreturn at esp + 160. */
    uint32_t *sc = rt ? frame + 40 : frame;
    if (!rnd_chance(4)) {
        static const uint32_t selectors[] = { 0x7b, 0x73, 0x08, 0x10, 0x00, 0x33, 0x2b, 0xffff, 0x63, 0x6b };
        for (int i = 0; i < 4; ++i)                       /* gs fs es ds */
            sc[i] = selectors[rnd_below(10)];
        sc[7] = (uint32_t)(ARENA + 7 * PAGE);             /* esp */
        sc[14] = rnd_chance(8) ? rnd() : (uint32_t)sigreturn_landing;   /* eip */
        sc[15] = selectors[rnd_below(10)];                /* cs */
        sc[16] = 0x202 | (rnd_chance(2) ? 0x3000 : 0) | (rnd_chance(3) ? 0x4000 : 0)   /* IOPL, NT */
            | (rnd_chance(4) ? 0x20000 : 0) | (rnd_chance(4) ? 0x100 : 0) | (rnd_chance(3) ? 0x40000 : 0);
        sc[18] = selectors[rnd_below(10)];                /* ss */
        sc[19] = rnd_chance(2) ? 0 : gen_pointer(0);      /* fpstate: garbage FPU state, or a bad pointer */
        if (rt)
            frame[38] = frame[39] = 0;                    /* uc_sigmask after it: nothing blocked */
    }
    return frame;
}

static void log_call(unsigned long batch, unsigned long index, const struct call *c, const unsigned long *a)
{
    char line[512];
    int n = snprintf(line, sizeof line, "sysfuzz: [%lu:%lu] %s(", batch, index, c->name);
    for (int k = 0; k < c->nargs && n < (int)sizeof line; ++k) {
        n += snprintf(line + n, sizeof line - n, "%s%#lx", k ? ", " : "", a[k]);
        /* A string argument in the arena: what it says (up to the guard). */
        enum arg_kind kind = c->args[k];
        if ((kind == A_PATH || kind == A_WPATH || kind == A_EXECPATH || kind == A_STR) && n < (int)sizeof line
            && a[k] >= (unsigned long)ARENA && a[k] < (unsigned long)GUARD) {
            const char *text = (const char *)a[k];
            int length = 0;
            while (length < 48 && text + length < GUARD && text[length])
                ++length;
            n += snprintf(line + n, sizeof line - n, " \"%.*s%s\"", length, text,
                          length == 48 || text + length == GUARD ? "..." : "");
        }
    }
    if (n < (int)sizeof line)
        n += snprintf(line + n, sizeof line - n, ")");
    if (n > (int)sizeof line - 1)
        n = sizeof line - 1;
    write(LOG_FD, line, n);
}

static void log_result(long ret)
{
    char line[32];
    int n = snprintf(line, sizeof line, " = %ld\n", ret);
    write(LOG_FD, line, n);
}

static int kmsg_fd = -1;

static _Noreturn void run_batch(unsigned long batch, unsigned long count)
{
    /* Our /dev/kmsg reader is the parent's open file: a call could make it
     * blocking (F_SETFL) and stop the parent's next read. */
    close(kmsg_fd);
    rnd_seed(mix_seed(opt.seed, batch));
    world_setup();
    sigreturn_report = &progress->eflags;
    for (unsigned long i = 0; i < count; ++i) {
        const struct call *c = table_pick();
        unsigned long a[6] = { 0 };
        for (int k = 0; k < c->nargs; ++k)
            a[k] = gen_arg(c->args[k]);
        if (c->sanitise)
            c->sanitise(a);
        progress->index = i;
        progress->nr = c->nr;
        for (int k = 0; k < 6; ++k)
            progress->args[k] = a[k];
        if (opt.verbose)
            log_call(batch, i, c, a);
        long ret;
        switch (c->type) {
        case CALL_FORK:
            ret = raw_fork_syscall(c->nr, a[0], a[1], a[2], a[3], a[4]);
            break;
        case CALL_SIGRETURN:
            if (opt.verbose)
                write(LOG_FD, "\n", 1);
            raw_sigreturn(c->nr, sigreturn_frame(c->nr != __NR_sigreturn));
        default:
            if (c->type == CALL_END && opt.verbose)
                write(LOG_FD, "\n", 1);
            ret = raw_syscall6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
            break;
        }
        if (opt.verbose)
            log_result(ret);
        if (c->post)
            c->post(ret, a);
    }
    _exit(0);
}

/* ---- the parent ---- */
static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
}

/* Reads what the kernel logged since last time; returns a line that shows the
 * kernel in trouble, copied to `trouble`, or 0. */
static int kernel_trouble(char *trouble, size_t size)
{
    static const char *const markers[] = { "Oops", "BUG:", "Call Trace", "Kernel panic", "soft lockup",
                                           "general protection fault:", "WARNING:" };
    char record[1024];
    int found = 0;
    if (kmsg_fd < 0)
        return 0;
    for (;;) {
        ssize_t n = read(kmsg_fd, record, sizeof record - 1);
        if (n < 0 && errno == EPIPE)
            continue;   /* records were overwritten: go on from the oldest */
        if (n <= 0)
            break;
        record[n] = 0;
        const char *text = strchr(record, ';');
        text = text ? text + 1 : record;
        for (unsigned i = 0; i < sizeof markers / sizeof markers[0] && !found; ++i) {
            if (strstr(text, markers[i])) {
                snprintf(trouble, size, "%.200s", text);
                trouble[strcspn(trouble, "\n")] = 0;
                found = 1;
            }
        }
    }
    return found;
}

static const char *signal_name(int sig)
{
    static char buffer[16];
    const char *name = strsignal(sig);
    if (name)
        return name;
    snprintf(buffer, sizeof buffer, "signal %d", sig);
    return buffer;
}

struct tally {
    unsigned long batches, calls, exited, signalled[65], timed_out;
};

/* Runs one batch in a child and waits for it: 0, or 3 if it would not die. */
static int one_batch(unsigned long batch, unsigned long count, struct tally *t)
{
    memset(progress, 0, sizeof *progress);
    progress->batch = batch;
    progress->index = (uint32_t)-1;
    pid_t pid = fork();
    if (pid < 0) {
        say("sysfuzz: fork: %s\n", strerror(errno));
        sleep(1);
        return 0;
    }
    if (pid == 0)
        run_batch(batch, count);

    int status = 0;
    timed_out = 0;
    alarm(opt.timeout);
    pid_t got;
    while ((got = waitpid(pid, &status, 0)) < 0 && errno == EINTR && !timed_out) { }
    alarm(0);
    if (got != pid) {
        t->timed_out++;
        say("sysfuzz: batch %lu: still running after %lus at call %d (%s): killing it\n", batch, opt.timeout,
            (int)progress->index, table_name(progress->nr));
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        timed_out = 0;
        alarm(10);
        while ((got = waitpid(pid, &status, 0)) < 0 && errno == EINTR && !timed_out) { }
        alarm(0);
        if (got != pid) {
            say("sysfuzz: FAIL: batch %lu: the child (pid %d) did not die of SIGKILL in 10s: stuck in the kernel "
                "at call %d, %s(%#x, %#x, %#x, %#x, %#x, %#x)\n", batch, (int)pid, (int)progress->index,
                table_name(progress->nr), progress->args[0], progress->args[1], progress->args[2], progress->args[3],
                progress->args[4], progress->args[5]);
            return 3;
        }
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        t->signalled[sig > 0 && sig < 65 ? sig : 0]++;
    } else {
        t->exited++;
    }
    kill(-pid, SIGKILL);                 /* whatever it left in its session */
    while (waitpid(-1, &status, WNOHANG) > 0) { }   /* CLONE_PARENT children are ours */
    t->batches++;
    t->calls += progress->index == (uint32_t)-1 ? 0 : progress->index + 1;
    if (progress->eflags & 0x27000) {    /* IOPL, NT or VM survived a sigreturn */
        say("sysfuzz: FAIL: batch %lu: sigreturn let EFLAGS %#x through to user mode\n", batch, progress->eflags);
        return 2;
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: sysfuzz [-s SEED] [-n CALLS] [-k PER_BATCH] [-b BATCH] [-t SECONDS] [-v] [-c]\n");
    exit(1);
}

int main(int argc, char **argv)
{
    int have_seed = 0, ch;
    while ((ch = getopt(argc, argv, "s:n:k:b:t:vc")) != -1) {
        switch (ch) {
        case 's': opt.seed = strtoull(optarg, NULL, 0); have_seed = 1; break;
        case 'n': opt.calls = strtoul(optarg, NULL, 0); break;
        case 'k': opt.per_batch = strtoul(optarg, NULL, 0); break;
        case 'b': opt.only_batch = strtol(optarg, NULL, 0); break;
        case 't': opt.timeout = strtoul(optarg, NULL, 0); break;
        case 'v': opt.verbose = 1; break;
        case 'c': opt.keep_going = 1; break;
        default: usage();
        }
    }
    if (optind != argc || opt.per_batch == 0 || opt.timeout == 0)
        usage();
    if (!have_seed) {
        uint32_t r[2] = { 0, 0 };
        if (getrandom(r, sizeof r, 0) != sizeof r)
            r[0] = time(NULL);
        opt.seed = r[0] % 1000000000u;
    }
    if (opt.verbose && dup2(1, LOG_FD) != LOG_FD)
        opt.verbose = 0;

    table_init();
    progress = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (progress == MAP_FAILED) {
        perror("sysfuzz: mmap");
        return 1;
    }
    /* A child may signal us too: a CLONE_PARENT grandchild's exit signal comes
     * here. Only SIGCHLD, SIGALRM (our timer) and what cannot be caught count. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    for (int sig = 1; sig < 65; ++sig)
        if (sig != SIGCHLD && sig != SIGKILL && sig != SIGSTOP)
            sigaction(sig, &sa, NULL);
    sa.sa_handler = on_alarm;   /* no SA_RESTART: waitpid returns EINTR */
    sigaction(SIGALRM, &sa, NULL);
    kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
    char trouble[256];
    kernel_trouble(trouble, sizeof trouble);   /* what was there before us is not ours */

    unsigned long batches = (opt.calls + opt.per_batch - 1) / opt.per_batch;
    unsigned long first = 0, last = batches;
    if (opt.only_batch >= 0) {
        first = opt.only_batch;
        last = first + 1;
    }
    say("sysfuzz: seed %llu, %lu calls, %lu per batch, uid %u, %d system calls (%d with argument kinds)\n",
        (unsigned long long)opt.seed, opt.only_batch >= 0 ? opt.per_batch : opt.calls, opt.per_batch,
        (unsigned)getuid(), table_size(), table_specified());

    struct tally t;
    memset(&t, 0, sizeof t);
    int result = 0;
    for (unsigned long b = first; b < last && !result; ++b) {
        unsigned long count = opt.only_batch >= 0 ? opt.per_batch
            : (b + 1 < batches ? opt.per_batch : opt.calls - b * opt.per_batch);
        result = one_batch(b, count, &t);
        if (kernel_trouble(trouble, sizeof trouble)) {
            say("sysfuzz: KERNEL TROUBLE in batch %lu at call %d (%s): %s\n", b, (int)progress->index,
                table_name(progress->nr), trouble);
            say("sysfuzz: replay: sysfuzz -s %llu -k %lu -b %lu -v\n", (unsigned long long)opt.seed,
                opt.per_batch, b);
            if (!opt.keep_going && !result)
                result = 2;
        }
        if (!opt.verbose && (b + 1) % 100 == 0)
            say("sysfuzz: %lu batches, %lu calls\n", t.batches, t.calls);
    }

    char signals[256] = "";
    size_t used = 0;
    for (int sig = 0; sig < 65; ++sig)
        if (t.signalled[sig] && used < sizeof signals)
            used += snprintf(signals + used, sizeof signals - used, "%s%s %lu", used ? ", " : "",
                             signal_name(sig), t.signalled[sig]);
    say("sysfuzz: seed %llu: %lu calls in %lu batches: %lu exited, %s%s%s, %lu timed out: %s\n",
        (unsigned long long)opt.seed, t.calls, t.batches, t.exited, used ? "killed by " : "", used ? signals : "none killed",
        "", t.timed_out, result ? "FAILED" : "kernel ok");
    return result;
}
