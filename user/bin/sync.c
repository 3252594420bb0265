/* sync - write cached file data to the disks. */
#include <unistd.h>

int main(void)
{
    sync();
    return 0;
}
