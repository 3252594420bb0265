// The in-kernel self-test runner: KTAP output on the console.
#include <kernel/ktest.h>
#include <libk/string.h>
#include <libk/string_view.h>
#include <linux/printk.h>

extern "C" const ktest_entry __ktests_start[], __ktests_end[];

namespace {

bool is_selected(const char* selection, const ktest_entry& test)
{
    libk::StringView rest(selection);
    libk::StringView wanted(test.name);
    while (!rest.is_empty()) {
        size_t comma = rest.find(',');
        libk::StringView item = rest.substring(0, comma);
        if (item == wanted || (item == "all" && !test.explicit_only))
            return true;
        if (comma == libk::StringView::npos)
            break;
        rest = rest.substring(comma + 1);
    }
    return false;
}

} // namespace

void ktest_fail(KTestContext& context, const char* expression, const char* file, int line)
{
    ++context.failures;
    printk(KERN_ERR "    # %s: EXPECTATION FAILED at %s:%d: %s\n", context.name, file, line, expression);
}

int ktest_run(const char* selection)
{
    int planned = 0;
    for (const ktest_entry* test = __ktests_start; test < __ktests_end; ++test)
        planned += is_selected(selection, *test);

    printk(KERN_INFO "KTAP version 1\n");
    printk(KERN_INFO "1..%d\n", planned);
    int number = 0, failed = 0;
    for (const ktest_entry* test = __ktests_start; test < __ktests_end; ++test) {
        if (!is_selected(selection, *test))
            continue;
        KTestContext context { test->name, 0 };
        test->run(context);
        ++number;
        failed += context.failures != 0;
        printk(KERN_INFO "%s %d %s\n", context.failures ? "not ok" : "ok", number, test->name);
    }
    if (planned == 0)
        pr_warn("ktest: no test matches '%s'\n", selection);
    printk(KERN_INFO "# ktest: %d passed, %d failed\n", number - failed, failed);
    return failed + (planned == 0);
}
