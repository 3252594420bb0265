/* Checks of FILE streams: buffering modes, reading, writing, seeking, ungetc, getline, pipes, popen. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static int pending_in_pipe(int fd)
{
    int n = -1;
    if (ioctl(fd, FIONREAD, &n) < 0)
        return -1;
    return n;
}

static void test_buffering(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    /* A pipe is not a terminal: fully buffered until fflush. */
    FILE* w = fdopen(fds[1], "w");
    CHECK(w != NULL);
    int fionread = pending_in_pipe(fds[0]) == 0;
    CHECK(fionread); /* the kernel must support FIONREAD on pipes for the checks below */
    if (!fionread) {
        fclose(w);
        close(fds[0]);
        return;
    }
    fputs("abc\n", w);
    CHECK(pending_in_pipe(fds[0]) == 0);
    CHECK(fflush(w) == 0);
    CHECK(pending_in_pipe(fds[0]) == 4);
    /* Line buffered: a newline pushes the line out. */
    CHECK(setvbuf(w, NULL, _IOLBF, 0) == 0);
    fputs("no newline", w);
    CHECK(pending_in_pipe(fds[0]) == 4);
    fputs(" now\n", w);
    CHECK(pending_in_pipe(fds[0]) == 4 + 15);
    /* Unbuffered: every write goes out at once. */
    CHECK(setvbuf(w, NULL, _IONBF, 0) == 0);
    fputc('x', w);
    CHECK(pending_in_pipe(fds[0]) == 4 + 15 + 1);
    fclose(w);

    FILE* r = fdopen(fds[0], "r");
    char line[64];
    CHECK(fgets(line, sizeof(line), r) && strcmp(line, "abc\n") == 0);
    CHECK(fgets(line, sizeof(line), r) && strcmp(line, "no newline now\n") == 0);
    CHECK(fgetc(r) == 'x');
    CHECK(fgetc(r) == EOF && feof(r) && !ferror(r));
    clearerr(r);
    CHECK(!feof(r));
    fclose(r);

    CHECK(fileno(stdin) == 0 && fileno(stdout) == 1 && fileno(stderr) == 2);
}

static void test_file_io(void)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/libc_test_stdio.txt", test_dir);
    FILE* f = fopen(path, "w+");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(fprintf(f, "line one\nline %s\n", "two") == 18);
    for (int i = 0; i < 1000; ++i)
        fprintf(f, "%04d\n", i); /* 5000 bytes: more than one buffer */
    CHECK(ftell(f) == 18 + 5000);
    rewind(f);
    char* line = NULL;
    size_t cap = 0;
    CHECK(getline(&line, &cap, f) == 9 && strcmp(line, "line one\n") == 0);
    CHECK(getline(&line, &cap, f) == 9 && strcmp(line, "line two\n") == 0);
    int ok = 1;
    for (int i = 0; i < 1000; ++i) {
        char want[8];
        snprintf(want, sizeof(want), "%04d\n", i);
        if (getline(&line, &cap, f) != 5 || strcmp(line, want) != 0)
            ok = 0;
    }
    CHECK(ok);
    CHECK(getline(&line, &cap, f) == -1 && feof(f));
    free(line);

    CHECK(fseek(f, 5, SEEK_SET) == 0 && fgetc(f) == 'o' && ftell(f) == 6);
    CHECK(ungetc('Z', f) == 'Z' && fgetc(f) == 'Z' && fgetc(f) == 'n');
    CHECK(fseek(f, -5, SEEK_END) == 0 && fgetc(f) == '0' && fgetc(f) == '9');
    char block[10];
    CHECK(fseek(f, 0, SEEK_SET) == 0 && fread(block, 1, 8, f) == 8 && memcmp(block, "line one", 8) == 0);
    /* Switching from reading to writing in the middle ("r+" semantics). */
    CHECK(fseek(f, 0, SEEK_CUR) == 0);
    CHECK(fwrite("!", 1, 1, f) == 1);
    CHECK(fseek(f, 0, SEEK_SET) == 0 && fgets(block, sizeof(block), f) && strcmp(block, "line one!") == 0);
    CHECK(fclose(f) == 0);

    f = fopen(path, "a");
    fputs("appended\n", f);
    fclose(f);
    f = fopen(path, "r");
    CHECK(fseek(f, -9, SEEK_END) == 0 && fgets(block, sizeof(block), f) && strcmp(block, "appended\n") == 0);
    /* A big fread goes straight to the caller's buffer. */
    rewind(f);
    char* all = malloc(10000);
    CHECK(fread(all, 1, 10000, f) == 18 + 5000 + 9);
    free(all);
    fclose(f);

    errno = 0;
    CHECK(fopen("/nonexistent/dir/file", "r") == NULL && errno == ENOENT);
    CHECK(remove(path) == 0 && access(path, F_OK) == -1 && errno == ENOENT);

    f = tmpfile();
    CHECK(f != NULL);
    if (f) {
        fputs("tmp", f);
        rewind(f);
        CHECK(fgetc(f) == 't');
        fclose(f);
    }
}

static void test_dprintf_popen(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    CHECK(dprintf(fds[1], "%s=%d", "v", 5) == 3);
    char buf[8] = { 0 };
    CHECK(read(fds[0], buf, sizeof(buf)) == 3 && strcmp(buf, "v=5") == 0);
    close(fds[0]);
    close(fds[1]);

    if (access("/bin/sh", X_OK) != 0) {
        skip("popen/system: no /bin/sh");
        return;
    }
    FILE* p = popen("echo from-shell", "r");
    CHECK(p != NULL);
    if (p) {
        char line[32] = "";
        CHECK(fgets(line, sizeof(line), p) && strcmp(line, "from-shell\n") == 0);
        CHECK(pclose(p) == 0);
    }
    int status = system("exit 3");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
}

void test_stdio(void)
{
    test_buffering();
    test_file_io();
    test_dprintf_popen();
}
