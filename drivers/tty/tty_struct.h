// One terminal (Linux's struct tty_struct) and the calls the tty files make on each
// other: device table, line discipline glue, file operations, job control.
#pragma once

#include <asm/termbits.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <kernel/wait.h>
#include <libk/line_discipline.h>
#include <linux/fs.h>
#include <linux/tty.h>

struct Tty {
    const char* name;                 // "console", "tty1", "ttyS0"
    int index;                        // what Task::tty holds for it
    dev_t device;
    void (*write)(const char* data, size_t length);   // to the hardware, no processing
    libk::LineDiscipline ldisc;
    SpinLock lock;                    // guards ldisc; the interrupt handler takes it too
    WaitQueue read_wait;              // readers and poll()
    pid_t pgrp;                       // foreground process group, 0 for none
    pid_t session;                    // session it is the controlling tty of, 0 for none
    winsize size;
    int open_count;                   // open files; input goes to the console while 0
    tty_struct view {};               // what modules see (tty_driver.cpp fills it in)

    libk::OutputSink sink()
    {
        return { [](void* tty, const char* data, size_t length) { static_cast<Tty*>(tty)->write(data, length); },
            this };
    }
};

// tty_devices.cpp: the terminals there are.
Tty* tty_by_index(int index);
// The tty a device number opens (/dev/tty0 is tty1); nullptr for /dev/tty and unknown numbers.
Tty* tty_by_device(dev_t device);
Tty* tty_console();

// n_tty.cpp: the line discipline between the hardware and the file operations.
void n_tty_receive(Tty* tty, char c);   // interrupt context
ssize_t n_tty_read(Tty* tty, file* f, char __user* buffer, size_t count);
ssize_t n_tty_write(Tty* tty, file* f, const char __user* buffer, size_t count);
__poll_t n_tty_poll(Tty* tty, file* f, poll_table* wait);
// Sleeps until input is there; 0, -ERESTARTSYS, or 1 when `deadline` (jiffies, 0 = none) passed.
int n_tty_wait_input(Tty* tty, size_t minimum, unsigned long deadline);

// tty_driver.cpp: the module view of each terminal (its tty_struct and driver).
void tty_views_init();
inline Tty* tty_of(tty_struct* view) { return static_cast<Tty*>(view->driver_data); }

// vt.cpp: the virtual console's driver, tty1's (and the console's, for KD* ioctls).
extern tty_driver vt_driver;
int vt_ioctl(tty_struct* tty, unsigned int command, unsigned long argument);
void vt_console_init(tty_struct* tty1);   // vc_cons[0] is tty1

// tty_io.cpp: what /dev/console, /dev/tty*, /dev/ttyS0 open with.
extern const file_operations tty_fops;

// tty_jobctrl.cpp: sessions, foreground groups, and stopping background jobs.
// 0 when the current task may go on; else it sent `sig` (SIGTTIN/SIGTTOU) to its
// group and returns -ERESTARTSYS, or -EIO for a read it cannot be stopped for.
int tty_check_change(Tty* tty, int sig);
// On open: a session leader without a terminal gets this one (unless O_NOCTTY).
void tty_open_set_ctty(Tty* tty, file* f, bool noctty);
long tty_jobctrl_ioctl(Tty* tty, file* f, unsigned command, unsigned long argument);
