/* clear - clear the terminal (cursor home, erase display). */
#include <unistd.h>

int main(void)
{
    static const char seq[] = "\033[H\033[J";
    return write(1, seq, sizeof seq - 1) == sizeof seq - 1 ? 0 : 1;
}
