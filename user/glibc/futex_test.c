/* futex_test: the futex system calls directly (errors, time-outs, wake-ups,
 * requeue, wake-op), robust mutexes whose owner dies, and clone's flag checks.
 * Each check prints "<name> ok"; at the end "futex_test ok". */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long futex(uint32_t* uaddr, int op, uint32_t val, const struct timespec* timeout, uint32_t* uaddr2,
    uint32_t val3)
{
    /* glibc's struct timespec is the 32-bit one here: futex (240), not futex_time64. */
    return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

static int failures;

static void check(const char* name, int ok)
{
    printf(ok ? "%s ok\n" : "%s FAILED\n", name);
    failures += !ok;
}

static long expect_error(long result, int error)
{
    return result == -1 && errno == error;
}

static uint32_t word = 1, word2;

static void* waiter(void* argument)
{
    (void)argument;
    long result = futex(&word, FUTEX_WAIT_PRIVATE, 1, NULL, NULL, 0);
    return (void*)(result == 0 ? 1L : 0L);
}

static uint32_t gathered;

/* Waits until `n` waiters sleep on `word`, moving them to `gathered` as they
 * arrive: the requeue's count says how many were asleep. */
static void gather_sleepers(int n)
{
    int moved = 0;
    while (moved < n) {
        long r = futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void*)1000L, &gathered, 1);
        if (r > 0)
            moved += (int)r;
        else
            usleep(1000);
    }
}

static void test_errors(void)
{
    struct timespec short_wait = { 0, 20 * 1000 * 1000 };
    check("futex_eagain", expect_error(futex(&word, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0), EAGAIN));
    check("futex_efault", expect_error(futex((uint32_t*)16, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT));
    check("futex_einval_align", expect_error(futex((uint32_t*)((char*)&word + 1), FUTEX_WAKE, 1, NULL, NULL, 0), EINVAL));
    check("futex_einval_bitset", expect_error(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL));
    struct timespec bad = { 0, 1000000000 };
    check("futex_einval_timeout", expect_error(futex(&word, FUTEX_WAIT, 1, &bad, NULL, 0), EINVAL));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long r = futex(&word, FUTEX_WAIT, 1, &short_wait, NULL, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    /* The time-out counts timer ticks, the clock the TSC: under a loaded host
     * QEMU may bunch ticks, so only a lower bound well below 20 ms is firm. */
    check("futex_etimedout", r == -1 && errno == ETIMEDOUT && ms >= 10);
    /* WAIT_BITSET takes an absolute time: one already past times out at once. */
    struct timespec past = { 0, 0 };
    check("futex_bitset_absolute",
        expect_error(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, &past, NULL, ~0u), ETIMEDOUT));
    check("futex_unknown_op", expect_error(futex(&word, 99, 0, NULL, NULL, 0), ENOSYS));
    check("futex_wake_none", futex(&word, FUTEX_WAKE_PRIVATE, 5, NULL, NULL, 0) == 0);
}

static void test_wake_and_requeue(void)
{
    pthread_t threads[3];
    word = 1;
    for (int i = 0; i < 3; i++)
        pthread_create(&threads[i], NULL, waiter, NULL);
    gather_sleepers(3);
    gathered = 1;
    /* CMP_REQUEUE with the wrong value: EAGAIN; then wake 1, move 2 to word2. */
    check("futex_cmp_requeue_eagain",
        expect_error(futex(&gathered, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void*)2L, &word2, 7), EAGAIN));
    long moved = futex(&gathered, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void*)2L, &word2, 1);
    check("futex_cmp_requeue", moved == 3);
    check("futex_requeued_not_on_old", futex(&gathered, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0) == 0);
    /* WAKE_OP: word2 += 1 (old 0 == 0: true), wake 0 on word, 10 on word2. */
    uint32_t op = (FUTEX_OP_ADD << 28) | (FUTEX_OP_CMP_EQ << 24) | (1 << 12) | 0;
    long woken = futex(&word, FUTEX_WAKE_OP_PRIVATE, 0, (void*)10L, &word2, op);
    check("futex_wake_op", woken == 2 && word2 == 1);
    int all = 1;
    for (int i = 0; i < 3; i++) {
        void* result;
        pthread_join(threads[i], &result);
        all &= result == (void*)1L;
    }
    check("futex_waiters_woken", all);
}

/* A robust mutex whose owner dies: the next locker gets EOWNERDEAD. */
static pthread_mutex_t* robust;

static void* lock_and_die(void* argument)
{
    (void)argument;
    pthread_mutex_lock(robust);
    return NULL;   /* exits holding it */
}

static void test_robust(void)
{
    robust = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(robust, &attributes);

    pthread_t thread;
    pthread_create(&thread, NULL, lock_and_die, NULL);
    pthread_join(thread, NULL);
    int result = pthread_mutex_lock(robust);
    check("robust_thread", result == EOWNERDEAD);
    pthread_mutex_consistent(robust);
    pthread_mutex_unlock(robust);

    /* The same across processes: the child holds it and exits; the parent,
     * already asleep on it, is woken with EOWNERDEAD. */
    pid_t pid = fork();
    if (pid == 0) {
        pthread_mutex_lock(robust);
        usleep(200000);
        _exit(0);
    }
    usleep(50000);
    result = pthread_mutex_lock(robust);
    waitpid(pid, NULL, 0);
    check("robust_process", result == EOWNERDEAD);
}

static int child_fn(void* argument)
{
    (void)argument;
    return 0;
}

static void test_clone_flags(void)
{
    static char stack[4096] __attribute__((aligned(16)));
    check("clone_thread_needs_sighand",
        expect_error(clone(child_fn, stack + sizeof(stack), CLONE_VM | CLONE_THREAD, NULL), EINVAL));
    check("clone_sighand_needs_vm", expect_error(clone(child_fn, stack + sizeof(stack), CLONE_SIGHAND, NULL), EINVAL));
    /* A CLONE_VM child that is not a thread: shares memory, reaped with __WCLONE-less wait. */
    pid_t pid = clone(child_fn, stack + sizeof(stack), CLONE_VM | SIGCHLD, NULL);
    int status = -1;
    check("clone_vm_process", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
    /* No exit signal: a "clone" child, which only __WCLONE (or __WALL) waits for. */
    pid = clone(child_fn, stack + sizeof(stack), CLONE_VM, NULL);
    usleep(20000);
    int plain = waitpid(pid, &status, 0);
    int plain_errno = errno;
    check("wait_wclone", pid > 0 && plain == -1 && plain_errno == ECHILD && waitpid(pid, &status, __WCLONE) == pid);
}

/* What glibc does with a dead thread's stack: MADV_DONTNEED, after which
 * private anonymous memory reads as zeros. */
static void test_madvise(void)
{
    char* area = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    area[0] = area[4096] = area[8192] = 7;
    int ok = madvise(area + 4096, 4096, MADV_DONTNEED) == 0 && area[0] == 7 && area[4096] == 0 && area[8192] == 7;
    area[4096] = 5;
    ok &= area[4096] == 5 && madvise(area, 3 * 4096, MADV_WILLNEED) == 0;
    ok &= expect_error(madvise(area + 1, 4096, MADV_DONTNEED), EINVAL);
    ok &= expect_error(madvise(area, 4096, 12345), EINVAL);
    munmap(area + 4096, 4096);
    ok &= expect_error(madvise(area, 3 * 4096, MADV_DONTNEED), ENOMEM) && area[0] == 0;
    check("madvise_dontneed", ok);
}

int main(void)
{
    test_errors();
    test_wake_and_requeue();
    test_robust();
    test_clone_flags();
    test_madvise();
    printf(failures ? "futex_test FAILED\n" : "futex_test ok\n");
    return failures != 0;
}
