// The terminals: /dev/console (every screen, every keyboard), /dev/tty1 (VGA and the
// PS/2 keyboard), /dev/ttyS0 (COM1), /dev/tty0 and /dev/tty; input routing and registration.
#include "tty_struct.h"

#include <drivers/tty/serial.h>
#include <drivers/video/vga_console.h>
#include <kernel/initcall.h>
#include <kernel/printk.h>
#include <linux/cdev.h>
#include <linux/major.h>
#include <linux/stat.h>

namespace {

// serial_write_raw makes every "\n" a "\r\n" for printk; the line discipline already
// put the CR there (ONLCR), so a CR right before a LF is left to it.
void serial_tty_write(const char* data, size_t length)
{
    size_t start = 0;
    for (size_t i = 0; i + 1 < length; i++) {
        if (data[i] == '\r' && data[i + 1] == '\n') {
            serial_write_raw(data + start, i - start);
            start = i + 1;
        }
    }
    serial_write_raw(data + start, length - start);
}

void console_tty_write(const char* data, size_t length)
{
    serial_tty_write(data, length);
    vga_console_write(data, length);
}

constexpr winsize screen_size = { 25, 80, 0, 0 };

constinit Tty s_console = { "console", tty_index_console, MKDEV(TTYAUX_MAJOR, 1), console_tty_write,
    libk::LineDiscipline(libk::default_termios(libk::termbits::b115200)), {}, {}, 0, 0, screen_size, 0 };
constinit Tty s_tty1 = { "tty1", tty_index_tty1, MKDEV(TTY_MAJOR, 1), vga_console_write,
    libk::LineDiscipline(libk::default_termios(libk::termbits::b38400)), {}, {}, 0, 0, screen_size, 0 };
constinit Tty s_ttyS0 = { "ttyS0", tty_index_ttyS0, MKDEV(TTY_MAJOR, 64), serial_tty_write,
    libk::LineDiscipline(libk::default_termios(libk::termbits::b115200)), {}, {}, 0, 0, screen_size, 0 };

// Device number regions as Linux names them in /proc/devices, and their nodes.
struct TtyNode {
    const char* region;
    const char* node;
    dev_t device;
    umode_t mode;
    cdev chardev;
};
constinit TtyNode s_nodes[] = {
    { "/dev/vc/0", "tty0", MKDEV(TTY_MAJOR, 0), S_IFCHR | 0620, {} },
    { "tty", "tty1", MKDEV(TTY_MAJOR, 1), S_IFCHR | 0620, {} },
    { "ttyS", "ttyS0", MKDEV(TTY_MAJOR, 64), S_IFCHR | 0660, {} },
    { "/dev/tty", "tty", MKDEV(TTYAUX_MAJOR, 0), S_IFCHR | 0666, {} },
    { "/dev/console", "console", MKDEV(TTYAUX_MAJOR, 1), S_IFCHR | 0600, {} },
};

// Device initcall: the char device map and devtmpfs need no earlier setup (both start on first use).
int tty_init()
{
    tty_views_init();
    for (TtyNode& node : s_nodes) {
        if (int error = register_chrdev_region(node.device, 1, node.region); error < 0)
            return error;
        cdev_init(&node.chardev, &tty_fops);
        if (int error = cdev_add(&node.chardev, node.device, 1); error < 0)
            return error;
        if (int error = devtmpfs_create_node(node.node, node.mode, node.device); error < 0)
            pr_warn("tty: cannot create /dev/%s: %d\n", node.node, error);
    }
    return 0;
}
device_initcall(tty_init);

} // namespace

Tty* tty_console() { return &s_console; }

Tty* tty_by_index(int index)
{
    switch (index) {
    case tty_index_console: return &s_console;
    case tty_index_tty1: return &s_tty1;
    case tty_index_ttyS0: return &s_ttyS0;
    default: return nullptr;
    }
}

Tty* tty_by_device(dev_t device)
{
    if (device == MKDEV(TTYAUX_MAJOR, 1))
        return &s_console;
    if (device == MKDEV(TTY_MAJOR, 0) || device == MKDEV(TTY_MAJOR, 1))
        return &s_tty1;   // tty0 is the current virtual console, and there is one
    if (device == MKDEV(TTY_MAJOR, 64))
        return &s_ttyS0;
    return nullptr;
}

void tty_receive_char(TtySource source, char c)
{
    // A device's own tty gets its input while someone has it open; otherwise the console does.
    Tty* own = source == TtySource::Keyboard ? &s_tty1 : &s_ttyS0;
    n_tty_receive(own->open_count > 0 ? own : &s_console, c);
}

dev_t tty_devnum(int index)
{
    Tty* tty = tty_by_index(index);
    return tty ? tty->device : 0;
}

const char* tty_name(int index)
{
    Tty* tty = tty_by_index(index);
    return tty ? tty->name : nullptr;
}

pid_t tty_foreground_pgrp(int index)
{
    Tty* tty = tty_by_index(index);
    return tty ? tty->pgrp : -1;
}
