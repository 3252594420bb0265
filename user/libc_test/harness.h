/* The tiny test harness of libc_test: CHECK records a pass or prints the failing line. */
#ifndef LIBC_TEST_HARNESS_H
#define LIBC_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

extern int tests_passed, tests_failed, tests_skipped;
extern const char* test_dir; /* a writable scratch directory */
extern const char* self_path; /* argv[0], for re-executing ourselves */

void check(int ok, const char* expr, const char* file, int line);
void check_str(const char* got, const char* want, const char* expr, const char* file, int line);
void skip(const char* what);

/* execve, or "WRAPPER PATH ARGV[1..]" when run-i386.sh names a wrapper (exec_wrapper.c). */
const char* exec_wrapper(void);
int exec_wrapped(const char* path, char* const argv[], char* const envp[]);

#define CHECK(e) check(!!(e), #e, __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str((got), (want), #got, __FILE__, __LINE__)

void test_string(void);
void test_stdlib(void);
void test_printf(void);
void test_scanf(void);
void test_stdio(void);
void test_files(void);
void test_process(void);
void test_signals(void);
void test_time(void);
void test_misc(void);

#endif
