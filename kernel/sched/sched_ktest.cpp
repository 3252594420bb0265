// Self-tests of threads, wait queues, sleeping and preemption.
#include <kernel/completion.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <linux/printk.h>

namespace {

struct PingPong {
    WaitQueue queue;
    volatile int turn;       // whose move: 0 = main test, 1 = thread
    volatile int rounds;
    Completion finished;
};

int ping_pong_thread(void* argument)
{
    auto* state = static_cast<PingPong*>(argument);
    for (int i = 0; i < 5; ++i) {
        state->queue.wait_until([state] { return state->turn == 1; });
        state->rounds = state->rounds + 1;
        state->turn = 0;
        state->queue.wake_up_all();
    }
    state->finished.complete();
    return 0;
}

struct Spinner {
    volatile bool stop;
    volatile unsigned long spins;
    Completion finished;
};

// Never sleeps: only preemption on the timer tick lets anyone else run.
int spinner_thread(void* argument)
{
    auto* state = static_cast<Spinner*>(argument);
    while (!state->stop)
        state->spins = state->spins + 1;
    state->finished.complete();
    return 0;
}

} // namespace

KTEST(sched_wait_queue)
{
    PingPong state {};
    pid_t pid = kthread_run(ping_pong_thread, &state, "ktest_pingpong");
    KTEST_EXPECT(pid > 2);
    for (int i = 0; i < 5; ++i) {
        state.turn = 1;
        state.queue.wake_up_all();
        state.queue.wait_until([&state] { return state.turn == 0; });
    }
    state.finished.wait();
    KTEST_EXPECT(state.rounds == 5);
    Task* thread = find_task_by_pid(pid);
    KTEST_EXPECT(!thread || thread->parent == nullptr || thread->parent->pid == 2);   // a child of kthreadd
}

KTEST(sched_msleep)
{
    uint64_t start = local_clock();
    unsigned long start_jiffies = jiffies;
    msleep(100);
    uint64_t elapsed_ms = (local_clock() - start) / 1000000;
    printk(KERN_INFO "    # msleep(100) took %llu ms, %lu jiffies\n", static_cast<unsigned long long>(elapsed_ms),
        jiffies - start_jiffies);
    // The tick is the clock msleep promises; under TCG the TSC may run apart
    // from QEMU's virtual time on a loaded host, so it is reported, not checked.
    KTEST_EXPECT(jiffies - start_jiffies >= msecs_to_jiffies(100));
    KTEST_EXPECT(jiffies - start_jiffies <= msecs_to_jiffies(100) + 2 * HZ);   // it does come back
}

KTEST(sched_preemption)
{
    Spinner state {};
    kthread_run(spinner_thread, &state, "ktest_spinner");
    // A busy loop of our own: we only get the CPU back if the spinner is preempted.
    unsigned long deadline = jiffies + msecs_to_jiffies(200);
    while (time_after(deadline, jiffies)) { }
    unsigned long spins = state.spins;
    state.stop = true;
    state.finished.wait();
    printk(KERN_INFO "    # spinner ran %lu loops while we spun too\n", spins);
    KTEST_EXPECT(spins > 0);
}

KTEST(sched_thread_exit)
{
    size_t before = task_count();
    Completion done;
    pid_t pid = kernel_thread([](void* argument) {
        static_cast<Completion*>(argument)->complete();
        return 7;
    }, &done, "ktest_exit");
    done.wait();
    msleep(20);   // let it run to do_exit and be reaped at the next switch
    KTEST_EXPECT(pid > 0);
    KTEST_EXPECT(find_task_by_pid(pid) == nullptr);
    KTEST_EXPECT(task_count() == before);
}
