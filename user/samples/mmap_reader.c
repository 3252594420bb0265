/* mmap_reader: maps /proc/mydir/myinfo (the mmap_proc module) and prints the
 * 12 bytes the kernel put there: 0 1 2 3 4 5 6 7 8 9 10 11 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#define LENGTH 12

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/proc/mydir/myinfo";
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        return 1;
    }
    /* The module's mmap handler maps its page here. */
    unsigned char *mapped = mmap(NULL, LENGTH, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
        perror("mmap");
        close(fd);
        return 1;
    }
    for (int i = 0; i < LENGTH; i++)
        printf("%d%c", mapped[i], i == LENGTH - 1 ? '\n' : ' ');
    munmap(mapped, LENGTH);
    close(fd);
    return 0;
}
