// Self-test of the tty layer's kernel side on ttyS0 while nobody has it open (so no
// hardware input reaches it): cooked reads, ^D, VMIN/VTIME timing, O_NONBLOCK.
#include "tty_struct.h"

#include <kernel/ktest.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/errno.h>

namespace {

void type(Tty* tty, const char* text)
{
    while (*text)
        n_tty_receive(tty, *text++);
}

void set_mode(Tty* tty, uint32_t lflag_clear, uint8_t vmin, uint8_t vtime)
{
    libk::Termios t = libk::default_termios();
    t.c_lflag &= ~lflag_clear;
    t.c_cc[VMIN] = vmin;
    t.c_cc[VTIME] = vtime;
    SpinLockGuard guard(tty->lock);
    tty->ldisc.set_termios(t);
    tty->ldisc.flush_input();
}

} // namespace

KTEST(tty)
{
    Tty* tty = tty_by_index(tty_index_ttyS0);
    KTEST_EXPECT(tty && tty->open_count == 0);
    if (!tty || tty->open_count)
        return;
    libk::Termios saved = tty->ldisc.termios();
    ScopedKernelDs kernel_ds;   // n_tty_read copies out with copy_to_user
    char buffer[16];

    // Cooked: editing happens before the reader sees the line; CR arrives as NL.
    set_mode(tty, ECHO, 1, 0);
    type(tty, "ab\x7f" "c\r");
    ssize_t n = n_tty_read(tty, nullptr, buffer, sizeof(buffer));
    KTEST_EXPECT(n == 3 && libk::memcmp(buffer, "ac\n", 3) == 0);

    // ^D on an empty line: end of file.
    type(tty, "\x04");
    KTEST_EXPECT(n_tty_read(tty, nullptr, buffer, sizeof(buffer)) == 0);

    // Raw, VMIN 2: both bytes come back in one read.
    set_mode(tty, ECHO | ICANON, 2, 0);
    type(tty, "xy");
    n = n_tty_read(tty, nullptr, buffer, sizeof(buffer));
    KTEST_EXPECT(n == 2 && buffer[0] == 'x' && buffer[1] == 'y');

    // Raw, VMIN 0 VTIME 2: nothing typed, so 0 bytes after about 200 ms.
    set_mode(tty, ECHO | ICANON, 0, 2);
    unsigned long start = jiffies;
    KTEST_EXPECT(n_tty_read(tty, nullptr, buffer, sizeof(buffer)) == 0);
    KTEST_EXPECT(jiffies - start >= msecs_to_jiffies(150));

    // O_NONBLOCK with nothing typed.
    set_mode(tty, ECHO, 1, 0);
    file nonblocking {};
    nonblocking.f_flags = O_NONBLOCK;
    KTEST_EXPECT(n_tty_read(tty, &nonblocking, buffer, sizeof(buffer)) == -EAGAIN);

    SpinLockGuard guard(tty->lock);
    tty->ldisc.set_termios(saved);
    tty->ldisc.flush_input();
}
