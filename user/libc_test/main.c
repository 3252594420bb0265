/* libc_test: runs every group of libc checks and prints "libc_test: N passed, M failed". */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

int tests_passed, tests_failed, tests_skipped;
const char* test_dir = "/tmp";
const char* self_path;

void check(int ok, const char* expr, const char* file, int line)
{
    if (ok) {
        ++tests_passed;
        return;
    }
    ++tests_failed;
    printf("FAIL %s:%d: %s\n", file, line, expr);
    fflush(stdout);
}

void check_str(const char* got, const char* want, const char* expr, const char* file, int line)
{
    if (got && strcmp(got, want) == 0) {
        ++tests_passed;
        return;
    }
    ++tests_failed;
    printf("FAIL %s:%d: %s is \"%s\", expected \"%s\"\n", file, line, expr, got ? got : "(null)", want);
    fflush(stdout);
}

void skip(const char* what)
{
    ++tests_skipped;
    printf("skip: %s\n", what);
}

int main(int argc, char** argv)
{
    /* Re-executed by the exec tests: "libc_test --exit N [args...]" exits with N + argc. */
    if (argc >= 3 && strcmp(argv[1], "--exit") == 0)
        return atoi(argv[2]) + argc;
    if (argc >= 2 && strcmp(argv[1], "--print-env") == 0) {
        const char* v = getenv("LIBC_TEST_VAR");
        printf("%s\n", v ? v : "(unset)");
        return 0;
    }
    self_path = argv[0];
    struct stat st;
    const char* tmp = getenv("TMPDIR");
    if (tmp && stat(tmp, &st) == 0 && S_ISDIR(st.st_mode))
        test_dir = tmp;
    else if (stat("/tmp", &st) != 0 || !S_ISDIR(st.st_mode))
        test_dir = mkdir("/tmp", 01777) == 0 ? "/tmp" : ".";

    test_string();
    test_stdlib();
    test_printf();
    test_scanf();
    test_stdio();
    test_files();
    test_process();
    test_signals();
    test_time();
    test_misc();

    printf("libc_test: %d passed, %d failed", tests_passed, tests_failed);
    if (tests_skipped)
        printf(", %d skipped", tests_skipped);
    printf("\n");
    return tests_failed ? 1 : 0;
}
