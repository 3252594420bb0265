// Self-test of the console input path: reads one line typed on the serial port or
// the keyboard and prints it, so a boot test can check every character arrived.
#include <kernel/console.h>
#include <kernel/ktest.h>
#include <linux/printk.h>

KTEST_EXPLICIT(console_input)
{
    constexpr unsigned long timeout_ms = 20000;
    char line[128];
    size_t length = 0;

    printk(KERN_INFO "console_input: waiting for a line\n");
    for (;;) {
        char c;
        if (console_input_read_timeout(&c, 1, timeout_ms) == 0) {
            printk(KERN_INFO "console_input: timed out\n");
            break;
        }
        // A terminal sends CR for Enter, a pipe sends LF: either ends the line.
        if (c == '\r' || c == '\n')
            break;
        if (length < sizeof(line) - 1)
            line[length++] = c;
    }
    line[length] = '\0';

    printk(KERN_INFO "console_input: got '%s'\n", line);
    KTEST_EXPECT(length > 0);
}
