// The virtual console (Linux's drivers/tty/vt): tty1 is console 0, the VGA
// screen and the PS/2 keyboard. Its driver's ioctls set the keyboard LEDs
// (KDSETLED, the guide's kbleds.c); vc_cons and fg_console name it for modules.
#include "tty_struct.h"

#include <drivers/input/keyboard.h>
#include <kernel/uaccess.h>
#include <linux/console_struct.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kd.h>

namespace {

int vt_write(tty_struct* tty, const unsigned char* buffer, int count)
{
    tty_of(tty)->write(reinterpret_cast<const char*>(buffer), count);
    return count;
}

constexpr tty_operations vt_ops = {
    .write = vt_write,
    .put_char = nullptr,
    .write_room = nullptr,
    .ioctl = vt_ioctl,
};

constinit vc_data vc0 = {};

} // namespace

int fg_console = 0;   // one console, always in front
struct vc vc_cons[MAX_NR_CONSOLES] = { { &vc0 } };
EXPORT_SYMBOL(fg_console);
EXPORT_SYMBOL(vc_cons);

tty_driver vt_driver = {
    .magic = TTY_DRIVER_MAGIC,
    .driver_name = "vt",
    .name = "tty",
    .name_base = 1,
    .major = TTY_MAJOR,
    .minor_start = 1,
    .num = 1,
    .type = TTY_DRIVER_TYPE_CONSOLE,
    .ops = &vt_ops,
    .write = nullptr,   // tty_views_init sets the 2.6 forms
    .ioctl = nullptr,
};

// Linux's vt_ioctl and vt_do_kdskled, for the keyboard ioctls there are.
int vt_ioctl(tty_struct* tty, unsigned int command, unsigned long argument)
{
    switch (command) {
    case KDSETLED:
        kbd_set_led_state(argument);
        return 0;
    case KDGETLED: {
        char leds = static_cast<char>(kbd_get_led_state());
        return copy_to_user(reinterpret_cast<char __user*>(argument), &leds, 1) ? -EFAULT : 0;
    }
    case KDGKBTYPE: {
        char type = KB_101;
        return copy_to_user(reinterpret_cast<char __user*>(argument), &type, 1) ? -EFAULT : 0;
    }
    default:
        (void)tty;
        return -ENOIOCTLCMD;
    }
}

// Console 0 is tty1.
void vt_console_init(tty_struct* tty1)
{
    vc0.vc_num = 0;
    vc0.port.tty = tty1;
    vc0.vc_tty = tty1;
    vc0.vc_cols = 80;
    vc0.vc_rows = 25;
    tty1->port = &vc0.port;
}
