/* thread_signal_test: signals, exits and exec in a thread group, as glibc
 * uses them. Each check prints "<name> ok"; at the end "thread_signal_test ok". */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t handler_tid;
static volatile int handler_runs;

static pid_t gettid_(void) { return (pid_t)syscall(SYS_gettid); }

static void on_signal(int sig)
{
    (void)sig;
    handler_tid = gettid_();
    handler_runs++;
}

static int report(const char* name, int ok)
{
    printf(ok ? "%s ok\n" : "%s FAILED\n", name);
    return !ok;
}

/* raise() is tgkill(getpid(), gettid(), sig): the handler runs in this thread. */
static int test_raise(void)
{
    signal(SIGUSR1, on_signal);
    handler_runs = 0;
    raise(SIGUSR1);
    return report("raise", handler_runs == 1 && handler_tid == gettid_());
}

static volatile pid_t worker_tid;
static volatile int stop_worker;

static void* unblocked_worker(void* argument)
{
    (void)argument;
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
    worker_tid = gettid_();
    while (!stop_worker)
        usleep(1000);
    return NULL;
}

/* kill(getpid()) goes to the group: the only thread not blocking it takes it.
 * pthread_kill goes to one thread. */
static int test_group_signal(void)
{
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    signal(SIGUSR2, on_signal);
    pthread_sigmask(SIG_BLOCK, &usr2, NULL);
    pthread_t thread;
    stop_worker = 0;
    worker_tid = 0;
    pthread_create(&thread, NULL, unblocked_worker, NULL);
    while (!worker_tid)
        usleep(1000);
    handler_runs = 0;
    kill(getpid(), SIGUSR2);
    for (int i = 0; i < 1000 && !handler_runs; i++)
        usleep(1000);
    int failed = report("kill_group", handler_runs == 1 && handler_tid == worker_tid);

    handler_runs = 0;
    pthread_kill(thread, SIGUSR1);
    for (int i = 0; i < 1000 && !handler_runs; i++)
        usleep(1000);
    failed |= report("pthread_kill", handler_runs == 1 && handler_tid == worker_tid);
    stop_worker = 1;
    pthread_join(thread, NULL);
    pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);
    return failed;
}

/* Futex time-outs through the glibc primitives built on them. */
static int test_timeouts(void)
{
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 100 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&mutex);
    int cond_result = pthread_cond_timedwait(&cond, &mutex, &deadline);
    pthread_mutex_unlock(&mutex);

    sem_t sem;
    sem_init(&sem, 0, 0);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    int sem_result = sem_timedwait(&sem, &deadline);
    int sem_errno = errno;
    return report("timedwait", cond_result == ETIMEDOUT && sem_result == -1 && sem_errno == ETIMEDOUT);
}

static void* sleeper(void* argument)
{
    (void)argument;
    for (;;)
        pause();
    return NULL;
}

static void* exiter(void* argument)
{
    usleep(20000);
    exit((int)(long)argument);   /* exit_group: the sleepers die too */
}

static int run_child(const char* name, void (*body)(void), int expected_status)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        _exit(99);
    }
    int status = 0;
    pid_t got = waitpid(pid, &status, 0);
    if (got != pid || status != expected_status) {
        printf("%s: waitpid %d (child %d), status 0x%x, expected 0x%x\n", name, got, pid, status, expected_status);
        return report(name, 0);
    }
    return report(name, 1);
}

static void exit_group_body(void)
{
    pthread_t thread;
    for (int i = 0; i < 3; i++)
        pthread_create(&thread, NULL, sleeper, NULL);
    pthread_create(&thread, NULL, exiter, (void*)5L);
    sleeper(NULL);
}

/* The leader leaves first (pthread_exit); the process lives on in its thread. */
static void leader_exit_body(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, exiter, (void*)6L);
    pthread_exit(NULL);
}

static void* exec_thread(void* argument)
{
    (void)argument;
    char* argv[] = { "sh", "-c", "exit 4", NULL };
    execv("/bin/sh", argv);
    return NULL;
}

/* execve in a non-leader thread: the others die, the process keeps its pid. */
static void exec_body(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, sleeper, NULL);
    pthread_create(&thread, NULL, exec_thread, NULL);
    sleeper(NULL);
}

static void* spinner(void* argument)
{
    (void)argument;
    for (;;)
        ;
    return NULL;
}

static void sigkill_body(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, spinner, NULL);
    pthread_create(&thread, NULL, sleeper, NULL);
    kill(getpid(), SIGKILL);
    sleeper(NULL);
}

int main(void)
{
    int failed = test_raise();
    failed |= test_group_signal();
    failed |= test_timeouts();
    failed |= run_child("exit_group", exit_group_body, 5 << 8);
    failed |= run_child("leader_exit", leader_exit_body, 6 << 8);
    failed |= run_child("exec_thread", exec_body, 4 << 8);
    failed |= run_child("sigkill_group", sigkill_body, SIGKILL);
    printf(failed ? "thread_signal_test FAILED\n" : "thread_signal_test ok\n");
    return failed;
}
