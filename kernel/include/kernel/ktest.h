// In-kernel self-tests (like Linux's KUnit): each test registers itself in a
// linker section; `ktest=name1,name2` (or `ktest=all`) on the command line makes
// kernel_init run them and report in KTAP over the console.
#pragma once

struct KTestContext {
    const char* name;
    int failures;
};

struct ktest_entry {
    const char* name;
    void (*run)(KTestContext& context);
    bool explicit_only;   // crashes and tests that wait for input: never part of `ktest=all`
};

#define DEFINE_KTEST(test_name, explicit_only)                                           \
    static void ktest_##test_name(KTestContext& context);                                \
    static const ktest_entry __ktest_entry_##test_name __attribute__((used, section(".ktests"), \
        aligned(4))) = { #test_name, ktest_##test_name, explicit_only };                 \
    static void ktest_##test_name([[maybe_unused]] KTestContext& context)

#define KTEST(test_name) DEFINE_KTEST(test_name, false)
// Runs only when named in ktest=, not with ktest=all.
#define KTEST_EXPLICIT(test_name) DEFINE_KTEST(test_name, true)

// Records a failure (with the expression and line) and goes on.
#define KTEST_EXPECT(condition)                                   \
    do {                                                          \
        if (!(condition))                                         \
            ktest_fail(context, #condition, __FILE__, __LINE__);  \
    } while (0)

void ktest_fail(KTestContext& context, const char* expression, const char* file, int line);

// Runs the tests named in the comma-separated `selection` ("all" runs every
// test not marked explicit-only); returns the number that failed.
int ktest_run(const char* selection);
