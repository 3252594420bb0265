// The file operations of every tty node (Linux's tty_io.c and tty_ioctl.c): open and
// close, read/write/poll through the line discipline, termios and window size ioctls.
#include "tty_struct.h"

#include <asm/ioctls.h>
#include <asm/signal.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>
#include <linux/major.h>
#include <stddef.h>

// libk cannot see the uapi header; make sure its copy is the same ABI.
static_assert(sizeof(termios) == sizeof(libk::Termios));
static_assert(offsetof(termios, c_line) == offsetof(libk::Termios, c_line));
static_assert(offsetof(termios, c_cc) == offsetof(libk::Termios, c_cc));
static_assert(NCCS == libk::termbits::nccs);
static_assert(VINTR == libk::termbits::vintr && VQUIT == libk::termbits::vquit && VERASE == libk::termbits::verase
    && VKILL == libk::termbits::vkill && VEOF == libk::termbits::veof && VTIME == libk::termbits::vtime
    && VMIN == libk::termbits::vmin && VSUSP == libk::termbits::vsusp && VEOL == libk::termbits::veol
    && VREPRINT == libk::termbits::vreprint && VWERASE == libk::termbits::vwerase
    && VLNEXT == libk::termbits::vlnext && VEOL2 == libk::termbits::veol2);
static_assert(ISTRIP == libk::termbits::istrip && INLCR == libk::termbits::inlcr && IGNCR == libk::termbits::igncr
    && ICRNL == libk::termbits::icrnl && IUCLC == libk::termbits::iuclc && IXON == libk::termbits::ixon
    && IUTF8 == libk::termbits::iutf8);
static_assert(OPOST == libk::termbits::opost && OLCUC == libk::termbits::olcuc && ONLCR == libk::termbits::onlcr
    && OCRNL == libk::termbits::ocrnl && ONOCR == libk::termbits::onocr && ONLRET == libk::termbits::onlret
    && TABDLY == libk::termbits::tabdly && XTABS == libk::termbits::xtabs);
static_assert(B38400 == libk::termbits::b38400 && B115200 == libk::termbits::b115200 && CS8 == libk::termbits::cs8
    && CREAD == libk::termbits::cread && HUPCL == libk::termbits::hupcl);
static_assert(ISIG == libk::termbits::isig && ICANON == libk::termbits::icanon && ECHO == libk::termbits::echo
    && ECHOE == libk::termbits::echoe && ECHOK == libk::termbits::echok && ECHONL == libk::termbits::echonl
    && NOFLSH == libk::termbits::noflsh && TOSTOP == libk::termbits::tostop && ECHOCTL == libk::termbits::echoctl
    && ECHOKE == libk::termbits::echoke && IEXTEN == libk::termbits::iexten);
static_assert(SIGINT == libk::termbits::sigint && SIGQUIT == libk::termbits::sigquit
    && SIGTSTP == libk::termbits::sigtstp);

namespace {

Tty* file_tty(file* f) { return static_cast<Tty*>(f->private_data); }

termios to_user_termios(const libk::Termios& from)
{
    termios to {};
    to.c_iflag = from.c_iflag;
    to.c_oflag = from.c_oflag;
    to.c_cflag = from.c_cflag;
    to.c_lflag = from.c_lflag;
    to.c_line = from.c_line;
    for (size_t i = 0; i < NCCS; i++)
        to.c_cc[i] = from.c_cc[i];
    return to;
}

libk::Termios from_user_termios(const termios& from)
{
    libk::Termios to {};
    to.c_iflag = from.c_iflag;
    to.c_oflag = from.c_oflag;
    to.c_cflag = from.c_cflag;
    to.c_lflag = from.c_lflag;
    to.c_line = from.c_line;
    for (size_t i = 0; i < NCCS; i++)
        to.c_cc[i] = from.c_cc[i];
    return to;
}

// The speed a CBAUD code stands for, for termios2's c_ispeed/c_ospeed (Linux's baud_table).
speed_t baud_rate(tcflag_t cflag)
{
    static constexpr speed_t low[] = { 0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600,
        19200, 38400 };
    static constexpr speed_t high[] = { 0, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000,
        1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000 };
    unsigned code = cflag & CBAUD;
    return code & CBAUDEX ? high[code & 0xf] : low[code & 0xf];
}

int tty_open(inode* node, file* f)
{
    dev_t device = node->i_rdev;
    Tty* tty;
    bool noctty = f->f_flags & O_NOCTTY;
    if (device == MKDEV(TTYAUX_MAJOR, 0)) {
        // /dev/tty: whatever terminal controls the caller's session.
        tty = tty_by_index(task_tty(current));
        if (!tty)
            return -ENXIO;
        noctty = true;
    } else {
        tty = tty_by_device(device);
        if (!tty)
            return -ENXIO;
        // Opening /dev/console or /dev/tty0 never makes it a controlling tty (Linux's rule);
        // init asks for one with TIOCSCTTY.
        if (device == MKDEV(TTYAUX_MAJOR, 1) || device == MKDEV(TTY_MAJOR, 0))
            noctty = true;
    }
    nonseekable_open(node, f);
    f->private_data = tty;
    {
        SpinLockGuard guard(tty->lock);
        tty->open_count++;
    }
    tty_open_set_ctty(tty, f, noctty);
    return 0;
}

int tty_release(inode*, file* f)
{
    Tty* tty = file_tty(f);
    SpinLockGuard guard(tty->lock);
    // Input typed for a program that is gone should not reach the next one.
    if (--tty->open_count == 0)
        tty->ldisc.flush_input();
    return 0;
}

ssize_t tty_read(file* f, char __user* buffer, size_t count, loff_t*)
{
    return n_tty_read(file_tty(f), f, buffer, count);
}

ssize_t tty_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    return n_tty_write(file_tty(f), f, buffer, count);
}

__poll_t tty_poll(file* f, poll_table* wait)
{
    return n_tty_poll(file_tty(f), f, wait);
}

// TCSETS, TCSETSW (output is written synchronously, so nothing to drain), TCSETSF (and flush input).
long set_termios(Tty* tty, unsigned command, const termios __user* user)
{
    termios t;
    if (copy_from_user(&t, user, sizeof(t)))
        return -EFAULT;
    if (int error = tty_check_change(tty, SIGTTOU); error)
        return error;
    {
        SpinLockGuard guard(tty->lock);
        tty->ldisc.set_termios(from_user_termios(t));
        if (command == TCSETSF)
            tty->ldisc.flush_input();
    }
    // Leaving canonical mode can make waiting input readable at once.
    tty->read_wait.wake_up_all();
    return 0;
}

// TCGETS2/TCSETS2: termios with explicit speeds. The lines here have no baud rate to
// program, so the speeds are reported from c_cflag and ignored when set.
long get_termios2(Tty* tty, termios2 __user* user)
{
    termios t;
    {
        SpinLockGuard guard(tty->lock);
        t = to_user_termios(tty->ldisc.termios());
    }
    termios2 t2 {};
    t2.c_iflag = t.c_iflag;
    t2.c_oflag = t.c_oflag;
    t2.c_cflag = t.c_cflag;
    t2.c_lflag = t.c_lflag;
    t2.c_line = t.c_line;
    for (size_t i = 0; i < NCCS; i++)
        t2.c_cc[i] = t.c_cc[i];
    t2.c_ispeed = t2.c_ospeed = baud_rate(t.c_cflag);
    return copy_to_user(user, &t2, sizeof(t2)) ? -EFAULT : 0;
}

long set_window_size(Tty* tty, const winsize __user* user)
{
    winsize size;
    if (copy_from_user(&size, user, sizeof(size)))
        return -EFAULT;
    pid_t pgrp;
    bool changed;
    {
        SpinLockGuard guard(tty->lock);
        changed = size.ws_row != tty->size.ws_row || size.ws_col != tty->size.ws_col
            || size.ws_xpixel != tty->size.ws_xpixel || size.ws_ypixel != tty->size.ws_ypixel;
        tty->size = size;
        pgrp = tty->pgrp;
    }
    if (changed && pgrp > 0)
        kill_pgrp(pgrp, SIGWINCH);
    return 0;
}

long flush(Tty* tty, unsigned long queue)
{
    if (int error = tty_check_change(tty, SIGTTOU); error)
        return error;
    switch (queue) {
    case TCIFLUSH:
    case TCIOFLUSH: {
        SpinLockGuard guard(tty->lock);
        tty->ldisc.flush_input();
        return 0;
    }
    case TCOFLUSH:
        return 0;   // output is never queued
    default:
        return -EINVAL;
    }
}

long put_int(unsigned long argument, int value)
{
    return put_user_value(value, reinterpret_cast<int __user*>(argument));
}

long tty_ioctl(file* f, unsigned command, unsigned long argument)
{
    Tty* tty = file_tty(f);
    switch (command) {
    case TCGETS: {
        termios t;
        {
            SpinLockGuard guard(tty->lock);
            t = to_user_termios(tty->ldisc.termios());
        }
        return copy_to_user(reinterpret_cast<termios __user*>(argument), &t, sizeof(t)) ? -EFAULT : 0;
    }
    case TCSETS:
    case TCSETSW:
    case TCSETSF:
        return set_termios(tty, command, reinterpret_cast<const termios __user*>(argument));
    case TCGETS2:
        return get_termios2(tty, reinterpret_cast<termios2 __user*>(argument));
    case TCSETS2:
    case TCSETSW2:
    case TCSETSF2:
        // termios2 starts with a struct termios; only the speeds after it are new.
        return set_termios(tty, command == TCSETSF2 ? TCSETSF : TCSETS,
            reinterpret_cast<const termios __user*>(argument));
    case TIOCGWINSZ: {
        winsize size;
        {
            SpinLockGuard guard(tty->lock);
            size = tty->size;
        }
        return copy_to_user(reinterpret_cast<winsize __user*>(argument), &size, sizeof(size)) ? -EFAULT : 0;
    }
    case TIOCSWINSZ:
        return set_window_size(tty, reinterpret_cast<const winsize __user*>(argument));
    case FIONREAD: {
        int bytes;
        {
            SpinLockGuard guard(tty->lock);
            bytes = static_cast<int>(tty->ldisc.readable_bytes());
        }
        return put_int(argument, bytes);
    }
    case TCFLSH:
        return flush(tty, argument);
    case TCSBRK:
    case TCSBRKP:
        return 0;   // tcdrain(): writes are synchronous; and these lines send no break
    case TCXONC:
        return argument <= TCION ? 0 : -EINVAL;
    case TIOCOUTQ:
        return put_int(argument, 0);
    case TIOCGETD:
        return put_int(argument, 0);   // N_TTY, the only line discipline
    case TIOCSETD: {
        int discipline;
        if (get_user_value(discipline, reinterpret_cast<const int __user*>(argument)))
            return -EFAULT;
        return discipline == 0 ? 0 : -EINVAL;
    }
    case TIOCGDEV:
        return put_user_value(new_encode_dev(tty->device), reinterpret_cast<u32 __user*>(argument));
    default: {
        long result = tty_jobctrl_ioctl(tty, f, command, argument);
        if (result != -ENOTTY || !tty->view.ops || !tty->view.ops->ioctl)
            return result;
        // The driver's own ioctls (the virtual console's KDSETLED...), as Linux's tty_ioctl ends.
        int driver_result = tty->view.ops->ioctl(&tty->view, command, argument);
        return driver_result == -ENOIOCTLCMD ? -ENOTTY : driver_result;
    }
    }
}

} // namespace

const file_operations tty_fops = {
    .owner = nullptr,
    .llseek = no_llseek,
    .read = tty_read,
    .write = tty_write,
    .iterate_shared = nullptr,
    .poll = tty_poll,
    .unlocked_ioctl = tty_ioctl,
    .compat_ioctl = nullptr,
    .mmap = nullptr,
    .open = tty_open,
    .flush = nullptr,
    .release = tty_release,
    .fsync = nullptr,
};
