/* exec_loop COUNT "PROGRAM [ARGS]"...: runs the commands in turn, COUNT runs
 * in all (fork, execve, wait, output to /dev/null), and checks each exits with
 * 0. Alternating glibc programs (%gs names a TLS descriptor) with kernlab-libc
 * ones (no TLS) exercises what a task switch must save and restore. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: exec_loop COUNT PROGRAM...\n");
        return 2;
    }
    int count = atoi(argv[1]);
    int programs = argc - 2;
    for (int i = 0; i < count; i++) {
        char* program = argv[2 + i % programs];
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            char* child_argv[16];
            int n = 0;
            for (char* word = strtok(program, " "); word && n < 15; word = strtok(NULL, " "))
                child_argv[n++] = word;
            child_argv[n] = NULL;
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execv(child_argv[0], child_argv);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("exec_loop: run %d of %s: status 0x%x\n", i, program, status);
            return 1;
        }
    }
    printf("exec_loop: %d runs ok\n", count);
    return 0;
}
