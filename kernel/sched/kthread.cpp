// kthreadd: takes thread-creation requests from a queue and starts them.
#include <kernel/completion.h>
#include <kernel/kthread.h>
#include <libk/intrusive_list.h>

namespace {

struct CreateRequest {
    int (*fn)(void*);
    void* arg;
    const char* name;
    pid_t result;
    Completion done;
    libk::ListNode node;
};

constinit SpinLock requests_lock;
constinit libk::IntrusiveList<CreateRequest, &CreateRequest::node> requests;
constinit WaitQueue kthreadd_wait;
constinit bool kthreadd_running = false;

CreateRequest* take_request()
{
    SpinLockGuard guard(requests_lock);
    return requests.pop_front();
}

} // namespace

int kthreadd(void*)
{
    kthreadd_running = true;
    for (;;) {
        kthreadd_wait.wait_until([] {
            SpinLockGuard guard(requests_lock);
            return !requests.is_empty();
        });
        while (CreateRequest* request = take_request()) {
            request->result = kernel_thread(request->fn, request->arg, request->name);
            request->done.complete();
        }
    }
}

pid_t kthread_run(int (*fn)(void*), void* arg, const char* name)
{
    if (!kthreadd_running)
        return kernel_thread(fn, arg, name);
    CreateRequest request { fn, arg, name, 0, {}, {} };
    {
        SpinLockGuard guard(requests_lock);
        requests.push_back(request);
    }
    kthreadd_wait.wake_up_all();
    request.done.wait();
    return request.result;
}
