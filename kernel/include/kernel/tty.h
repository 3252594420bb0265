// The tty layer as the rest of the kernel sees it: input from the keyboard and the
// UART, and the controlling terminal of a session (Task::tty holds a tty index).
#pragma once

#include <linux/types.h>

// Task::tty values. tty1 and ttyS0 use their minor number on major 4, so
// MKDEV(TTY_MAJOR, index) names them; the console is (5,1): use tty_devnum().
constexpr int tty_index_none = -1;
constexpr int tty_index_console = 0;
constexpr int tty_index_tty1 = 1;
constexpr int tty_index_ttyS0 = 64;

// Which hardware a received byte comes from.
enum class TtySource {
    Keyboard,   // goes to tty1 while it is open, else to the console
    Serial,     // goes to ttyS0 while it is open, else to the console
};

// Called by the keyboard and UART interrupt handlers for each byte: runs the line
// discipline (echo, ^C to the foreground group) under a spinlock and wakes readers.
void tty_receive_char(TtySource source, char c);

// Leaves the current task's controlling terminal (Linux's disassociate_ctty): a
// session leader's whole session loses it and the foreground group gets SIGHUP and
// SIGCONT. do_exit calls it with on_exit = true for a session leader (pid == sid).
void disassociate_ctty(bool on_exit);

// The controlling terminal of task's process (a tty index, tty_index_none for none;
// kernel threads have none), and setting it for the whole process.
struct Task;
int task_tty(const Task* task);
void set_task_tty(Task* task, int index);

// For /proc/<pid>/stat and ps: the device number of tty `index` (0 if none),
// its name ("tty1", "ttyS0", "console"; nullptr if none) and its foreground
// process group (-1 when there is no such tty, 0 when no group is set).
dev_t tty_devnum(int index);
const char* tty_name(int index);
pid_t tty_foreground_pgrp(int index);
