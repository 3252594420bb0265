// failslab= and fail_page_alloc=: Linux's fault injection for kmalloc and the
// page allocator, with its boot syntax <interval>,<probability>,<space>,<times>
// and its debugfs knobs (/sys/kernel/debug/failslab/{probability,interval,
// times,space,verbose,task-filter}), e.g. boot with times 0 and write -1 there
// to start; with task-filter Y only tasks with /proc/PID/make-it-fail 1 see failures.
#include <kernel/fault_inject.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/sched.h>
#include <libk/cmdline.h>
#include <linux/bug.h>
#include <linux/debugfs.h>
#include <linux/printk.h>
#include <linux/random.h>

constinit FaultAttr failslab = { "failslab", 0, 1, { 0 }, { 0 }, 1, 0, false };
constinit FaultAttr fail_page_alloc = { "fail_page_alloc", 0, 1, { 0 }, { 0 }, 1, 0, false };

namespace {

bool eligible_context(const FaultAttr& attr)
{
    if (!current || !current->user_process || !current->mm || current->tgid == 1)
        return false;
    return !attr.task_filter || current->make_it_fail;
}

// Linux's setup_fault_attr: four comma-separated numbers.
bool parse_fault_attr(FaultAttr& attr, libk::StringView text)
{
    long values[4];
    for (int i = 0; i < 4; ++i) {
        size_t comma = text.find(',');
        libk::StringView field = i < 3 ? text.substring(0, comma) : text;
        if ((i < 3 && comma == libk::StringView::npos) || !libk::parse_long(field, values[i]))
            return false;
        if (i < 3)
            text = text.substring(comma + 1);
    }
    if (values[0] < 1 || values[1] < 0 || values[1] > 100)
        return false;
    attr.interval = static_cast<u32>(values[0]);
    attr.probability = static_cast<u32>(values[1]);
    atomic_set(&attr.space, static_cast<int>(values[2]));
    atomic_set(&attr.times, static_cast<int>(values[3]));
    return true;
}

void setup_attr(FaultAttr& attr)
{
    if (const libk::CmdlineParam* param = boot_params.cmdline.find(attr.name)) {
        if (parse_fault_attr(attr, param->value))
            pr_info("FAULT_INJECTION: %s: interval %u, probability %u%%, space %d, times %d\n", attr.name,
                attr.interval, attr.probability, atomic_read(&attr.space), atomic_read(&attr.times));
        else
            pr_warn("FAULT_INJECTION: failed to parse arguments of %s=\n", attr.name);
    }
    dentry* dir = debugfs_create_dir(attr.name, nullptr);
    if (!dir)
        return;
    debugfs_create_u32("probability", 0600, dir, &attr.probability);
    debugfs_create_u32("interval", 0600, dir, &attr.interval);
    debugfs_create_atomic_t("times", 0600, dir, &attr.times);
    debugfs_create_atomic_t("space", 0600, dir, &attr.space);
    debugfs_create_u32("verbose", 0600, dir, &attr.verbose);
    debugfs_create_bool("task-filter", 0600, dir, &attr.task_filter);
}

int fault_inject_init()
{
    setup_attr(failslab);
    setup_attr(fail_page_alloc);
    return 0;
}

} // namespace

late_initcall(fault_inject_init);

bool should_fail(FaultAttr& attr, size_t size)
{
    if (atomic_read(&attr.times) == 0 || !eligible_context(attr))
        return false;
    if (atomic_read(&attr.space) > static_cast<int>(size)) {
        atomic_sub(static_cast<int>(size), &attr.space);
        return false;
    }
    if (attr.interval > 1 && ++attr.count % attr.interval)
        return false;
    if (attr.probability <= get_random_u32() % 100)
        return false;
    if (atomic_read(&attr.times) != -1)
        atomic_sub(1, &attr.times);
    if (attr.verbose) {
        pr_notice("FAULT_INJECTION: forcing a failure.\nname %s, interval %u, probability %u, space %d, times %d\n",
            attr.name, attr.interval, attr.probability, atomic_read(&attr.space), atomic_read(&attr.times));
        if (attr.verbose > 1)
            dump_stack();
    }
    return true;
}
