/* memhog - allocate memory and touch every page until the kernel's OOM killer
 * ends us: "memhog [MiB [SECONDS]]" stops after MiB (0: no end) and then holds
 * the memory for SECONDS. Prints how far it got every 4 MiB, so a test can
 * compare the last line with the kernel's log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long limit = argc > 1 ? atol(argv[1]) : 0;
    int hold = argc > 2 ? atoi(argv[2]) : 0;
    long mib = 0;
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("memhog: pid %d\n", (int)getpid());
    while (limit == 0 || mib < limit) {
        char *chunk = malloc(1 << 20);
        if (!chunk) {
            printf("memhog: malloc failed after %ld MiB\n", mib);
            return 1;
        }
        for (int i = 0; i < (1 << 20); i += 4096)
            chunk[i] = (char)i;   /* every page: demand-zero faults */
        mib++;
        if (mib % 4 == 0)
            printf("memhog: %ld MiB\n", mib);
    }
    printf("memhog: done, %ld MiB\n", mib);
    if (hold)
        sleep((unsigned)hold);
    return 0;
}
