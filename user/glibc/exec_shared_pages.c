/* exec_shared_pages [check|sleep]: execve maps a ramfs program's pages of
 * file bytes instead of copying them; a write must copy the page, so the file
 * and the next run never see it.
 *   (none)  writes over every page of its .data, checks the writes, then runs
 *           itself again ("check"), which must see the file's values
 *   check   exits 0 if .data holds what the file holds
 *   sleep   waits 2 s (the file can be removed meanwhile), then does the same
 *           as no argument */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { WORDS = 4096 }; /* 16 KiB: four pages at least, two whole ones */
static int data[WORDS] = { [0] = 1, [1024] = 2, [2048] = 3, [3072] = 4, [WORDS - 1] = 5 };

static int data_is_the_files(void)
{
    return data[0] == 1 && data[1024] == 2 && data[2048] == 3 && data[3072] == 4 && data[WORDS - 1] == 5;
}

static int overwrite_and_rerun(void)
{
    if (!data_is_the_files()) {
        printf("exec_shared_pages: .data differs from the file before any write\n");
        return 1;
    }
    /* The kernel's write (read() into .data) copies the page as a user's does. */
    int zero = open("/dev/zero", O_RDONLY);
    if (zero < 0 || read(zero, &data[1024], 4096) != 4096 || data[1024] != 0) {
        printf("exec_shared_pages: read() into .data failed\n");
        return 1;
    }
    close(zero);
    for (int i = 0; i < WORDS; i++)
        data[i] = -1;
    for (int i = 0; i < WORDS; i++)
        if (data[i] != -1) {
            printf("exec_shared_pages: a write to .data did not stay\n");
            return 1;
        }
    pid_t child = fork();
    if (child == 0) {
        execl("/proc/self/exe", "exec_shared_pages", "check", (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        printf("exec_shared_pages: the next run saw this run's writes (status %#x)\n", status);
        return 1;
    }
    printf("exec_shared_pages: ok\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "check") == 0)
        return data_is_the_files() ? 0 : 1;
    if (argc > 1 && strcmp(argv[1], "sleep") == 0)
        sleep(2);
    return overwrite_and_rerun();
}
