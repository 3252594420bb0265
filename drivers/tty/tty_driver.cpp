// The terminals as modules see them (Linux's struct tty_struct and tty_driver):
// each Tty's view, the console and serial drivers, the 2.6-era driver->write and
// driver->ioctl, and the controlling terminal, which a process's threads share
// (current->signal->tty, get_current_tty).
#include "tty_struct.h"

#include <kernel/sched.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/major.h>

// Modules read current->signal->tty: ThreadGroup starts as signal_struct does.
static_assert(offsetof(ThreadGroup, tty) == offsetof(signal_struct, tty));

namespace {

// Straight to the hardware: no \n to \r\n, as a driver's write is.
int raw_write(tty_struct* tty, const unsigned char* buffer, int count)
{
    if (count <= 0)
        return 0;
    tty_of(tty)->write(reinterpret_cast<const char*>(buffer), count);
    return count;
}

// 2.6's driver->write: the operation itself.
int write_2_6(tty_struct* tty, const unsigned char* buffer, int count)
{
    return tty->ops->write(tty, buffer, count);
}

// 2.6's driver->ioctl, which also got the file.
int ioctl_2_6(tty_struct* tty, file*, unsigned int command, unsigned long argument)
{
    return tty->ops->ioctl ? tty->ops->ioctl(tty, command, argument) : -ENOIOCTLCMD;
}

// /dev/console writes to every screen; its KD* ioctls reach the virtual console's keyboard.
constexpr tty_operations console_ops = { .write = raw_write, .put_char = nullptr, .write_room = nullptr,
    .ioctl = vt_ioctl };
constexpr tty_operations serial_ops = { .write = raw_write, .put_char = nullptr, .write_room = nullptr,
    .ioctl = nullptr };

constinit tty_driver console_driver = { TTY_DRIVER_MAGIC, "console", "console", 0, TTYAUX_MAJOR, 1, 1,
    TTY_DRIVER_TYPE_SYSTEM, &console_ops, write_2_6, ioctl_2_6 };
constinit tty_driver serial_driver = { TTY_DRIVER_MAGIC, "serial", "ttyS", 0, TTY_MAJOR, 64, 1,
    TTY_DRIVER_TYPE_SERIAL, &serial_ops, write_2_6, ioctl_2_6 };

void init_view(Tty* tty, tty_driver* driver)
{
    tty->view.magic = TTY_MAGIC;
    tty->view.driver = driver;
    tty->view.ops = driver->ops;
    tty->view.index = 0;
    tty->view.driver_data = tty;
    libk::strlcpy(tty->view.name, tty->name, sizeof(tty->view.name));
}

} // namespace

void tty_views_init()
{
    vt_driver.write = write_2_6;
    vt_driver.ioctl = ioctl_2_6;
    init_view(tty_by_index(tty_index_console), &console_driver);
    init_view(tty_by_index(tty_index_tty1), &vt_driver);
    init_view(tty_by_index(tty_index_ttyS0), &serial_driver);
    vt_console_init(&tty_by_index(tty_index_tty1)->view);
}

int task_tty(const Task* task)
{
    return task->signal && task->signal->tty ? tty_of(task->signal->tty)->index : tty_index_none;
}

void set_task_tty(Task* task, int index)
{
    Tty* tty = tty_by_index(index);
    if (task->signal)
        task->signal->tty = tty ? &tty->view : nullptr;
}

extern "C" struct tty_struct* get_current_tty(void)
{
    return current->signal ? current->signal->tty : nullptr;
}
EXPORT_SYMBOL(get_current_tty);
