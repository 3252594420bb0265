/* pthread_test [ITERATIONS]: 4 threads add ITERATIONS each (100000 by default)
 * to a mutex-protected counter; the main thread waits on a condition variable
 * until all have finished, then joins them. Prints the exact total and "ok". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THREADS 4
static long iterations = 100000;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static long counter;
static int finished;
static __thread int my_index = -1;   /* TLS: each thread its own */
static pid_t tids[THREADS];

static void* worker(void* argument)
{
    my_index = (int)(long)argument;
    tids[my_index] = (pid_t)syscall(SYS_gettid);
    for (long i = 0; i < iterations; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        if (i % 10000 == 0)
            sched_yield();
    }
    pthread_mutex_lock(&lock);
    finished++;
    pthread_cond_signal(&all_done);
    pthread_mutex_unlock(&lock);
    return (void*)(long)(my_index * 10 + (getpid() == tids[my_index] ? 1 : 0));
}

int main(int argc, char** argv)
{
    if (argc > 1)
        iterations = atol(argv[1]);
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++) {
        int error = pthread_create(&threads[i], NULL, worker, (void*)i);
        if (error) {
            printf("pthread_create: error %d\n", error);
            return 1;
        }
    }
    pthread_mutex_lock(&lock);
    while (finished < THREADS)
        pthread_cond_wait(&all_done, &lock);
    pthread_mutex_unlock(&lock);

    int bad = 0;
    for (int i = 0; i < THREADS; i++) {
        void* result;
        int error = pthread_join(threads[i], &result);
        if (error || (long)result != i * 10) {
            printf("thread %d: join error %d, result %ld (tid %d, pid %d)\n", i, error, (long)result, tids[i],
                getpid());
            bad = 1;
        }
        for (int j = 0; j < i; j++)
            if (tids[j] == tids[i])
                bad = 1;
    }
    if (my_index != -1) {
        printf("main thread's TLS was overwritten: %d\n", my_index);
        bad = 1;
    }
    printf("total %ld\n", counter);
    if (counter != THREADS * iterations || bad) {
        printf("FAILED\n");
        return 1;
    }
    printf("ok\n");
    return 0;
}
