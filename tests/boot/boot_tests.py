#!/usr/bin/env python3
"""kernlab's boot tests: each boots the kernel in QEMU (the GRUB ISO or, for
command-line variations, QEMU's -kernel), talks to the serial console and checks
what the kernel prints. A failing test prints the serial transcript.

    boot_tests.py --build-dir build --list
    boot_tests.py --build-dir build iso_boot_stages
"""

import argparse
import re
import sys
import time

from qemu import EXIT_PANIC, EXIT_SUCCESS, BootTestFailure, Qemu
from registry import TESTS, boot_test, expect


STAGE_MARKERS = ["#### start_kernel() ####", "#### rest_init() ####",
                 "#### kernel_init() ####", "#### before cpu_idle() ####"]
NEVER_PRINTED = "#### after cpu_idle() ####"
NO_INIT = "Kernel panic - not syncing: No working init found"
SHELL_PROMPT = r"root@kernlab:[^\n]*# $"
TIMESTAMP = re.compile(r"^(?:<\d>)?\[\s*(\d+)\.(\d{6})\] ", re.M)
LEVEL_LINE = "printk_levels: level {} "


def timestamps(text):
    return [int(seconds) * 1000000 + int(micros) for seconds, micros in TIMESTAMP.findall(text)]


def dmesg_dump(qemu):
    """The log buffer as the dmesg_dump parameter prints it: one '<level>[time] text' per line."""
    match = qemu.wait_for(r"(?s)----- dmesg dump begin -----\n(.*?)----- dmesg dump end -----", timeout=60)
    return match.group(1)


def console_part(text):
    """What reached the console, without the dmesg dump."""
    return text.split("----- dmesg dump begin -----")[0]


# ---- the GRUB ISO, as a user boots it ----

@boot_test
def iso_boot_stages(build_dir):
    """The ISO boots through GRUB's default entry to the shell; the four stage
    markers appear in order, the one after the idle loop never does; timestamps
    never go back."""
    with Qemu(build_dir, iso=True) as qemu:
        qemu.wait_for(SHELL_PROMPT, timeout=90)
        text = qemu.output()
        positions = [text.find(marker) for marker in STAGE_MARKERS]
        expect(all(p >= 0 for p in positions), f"missing stage markers: {positions}")
        expect(positions == sorted(positions), f"stage markers out of order: {positions}")
        expect(NEVER_PRINTED not in text, "the marker after cpu_idle() was printed")
        expect("Kernel command line: \n" in text, "GRUB's default entry should pass no parameters")
        stamps = timestamps(text)
        expect(len(stamps) >= 10, f"too few timestamped lines: {len(stamps)}")
        expect(stamps == sorted(stamps), "timestamps go backwards")
        expect("Welcome to kernlab" in text, "init did not start")


@boot_test
def iso_grub_menu_debug_entry(build_dir):
    """The GRUB menu works over serial: it lists the entries, and choosing the
    debug entry with the arrow keys boots with loglevel=8 initcall_debug."""
    with Qemu(build_dir, iso=True) as qemu:
        qemu.wait_for(r"automatically in \d+s", timeout=60)
        menu = qemu.output()
        for entry in ["*kernlab ", "kernlab - boot to shell (init=/bin/sh)",
                      "kernlab - debug (loglevel=8 initcall_debug)"]:
            expect(entry in menu, f"GRUB menu lacks {entry!r}")
        qemu.send("\x1b[B")
        time.sleep(0.3)
        qemu.send("\x1b[B")
        time.sleep(0.3)
        qemu.send("\r")
        qemu.wait_for(r"Kernel command line: loglevel=8 initcall_debug\n", timeout=60)
        qemu.wait_for(SHELL_PROMPT, timeout=90)
        text = qemu.output()
        expect(re.search(r"calling  \S+\+0x0/0x[0-9a-f]+ @ \d+", text), "initcall_debug printed no 'calling' line")
        expect(re.search(r"initcall \S+ returned -?\d+ after \d+ usecs", text), "no 'initcall ... returned' line")
        expect("serial8250_init" in text and "atkbd_init" in text, "the driver initcalls were not logged by name")


@boot_test
def iso_grub_boot_to_shell_entry(build_dir):
    """The second entry passes init=/bin/sh: the shell runs as pid 1 with no
    init in between, and whoami prints root (the init= exercise)."""
    with Qemu(build_dir, iso=True) as qemu:
        qemu.wait_for(r"automatically in \d+s", timeout=60)
        qemu.send("\x1b[B")
        time.sleep(0.3)
        qemu.send("\r")
        qemu.wait_for(r"Kernel command line: init=/bin/sh\n", timeout=60)
        start = qemu.wait_for(r"[#$] $", timeout=90).end()
        text = qemu.output()
        expect("Run /bin/sh as init process" in text, "init= was not run")
        expect("Welcome to kernlab" not in text and "Run /sbin/init" not in text, "/sbin/init ran anyway")
        qemu.send("whoami\r")
        qemu.wait_for(r"whoami\n+root\n", timeout=30, start=start)
        qemu.send("echo $$\r")
        qemu.wait_for(r"echo \$\$\n+1\n", timeout=30, start=start)


# ---- printk and log levels ----

def boot_with_levels(build_dir, params):
    with Qemu(build_dir, append=f"test_exit dmesg_dump ktest=printk_levels {params}") as qemu:
        log = dmesg_dump(qemu)
        status = qemu.wait_exit()
        expect(status == EXIT_SUCCESS, f"ktest printk_levels failed (exit {status})")
        console = console_part(qemu.output())
        for level in range(8):
            expect(f"<{level}>" in log and LEVEL_LINE.format(level) in log,
                   f"level {level} message missing from the log buffer")
        return console, log


def shown_levels(console):
    return [level for level in range(8) if LEVEL_LINE.format(level) in console]


@boot_test
def printk_default_loglevel(build_dir):
    """Default console_loglevel 7: levels 0-6 reach the console, KERN_DEBUG only the buffer."""
    console, log = boot_with_levels(build_dir, "")
    expect(shown_levels(console) == [0, 1, 2, 3, 4, 5, 6], f"console showed levels {shown_levels(console)}")
    expect("printk_levels: no level, default 4" in console, "unprefixed message missing")
    expect("<4>[" in log and "printk_levels: no level" in log, "unprefixed message not at level 4")
    expect("printk_levels: continued line" in log, "KERN_CONT pieces were not joined into one line")


@boot_test
def printk_quiet(build_dir):
    """quiet: console_loglevel 4, so only levels 0-3 print; the buffer has all."""
    console, log = boot_with_levels(build_dir, "quiet")
    expect(shown_levels(console) == [0, 1, 2, 3], f"console showed levels {shown_levels(console)}")
    expect(STAGE_MARKERS[0] not in console, "a KERN_INFO stage marker reached the console under quiet")
    expect(all(marker in log for marker in STAGE_MARKERS), "stage markers missing from the buffer")


@boot_test
def printk_loglevel_param(build_dir):
    """loglevel=6 shows levels 0-5; loglevel=1 only KERN_EMERG."""
    console, _ = boot_with_levels(build_dir, "loglevel=6")
    expect(shown_levels(console) == [0, 1, 2, 3, 4, 5], f"loglevel=6 showed {shown_levels(console)}")
    console, _ = boot_with_levels(build_dir, "loglevel=1")
    expect(shown_levels(console) == [0], f"loglevel=1 showed {shown_levels(console)}")


@boot_test
def cmdline_unknown_params_for_init(build_dir):
    """Unknown parameters are listed in the log as going to user space; module
    parameters (with a dot) and known ones are not."""
    params = 'test_exit ktest=printk_levels foo bar=1 hello.myint=5 "quoted=a b" -- single'
    with Qemu(build_dir, append=params) as qemu:
        status = qemu.wait_exit()
        text = qemu.output()
        expect(status == EXIT_SUCCESS, f"exit status {status}")
        expect('Unknown kernel command line parameters "foo bar=1 quoted=a b", will be passed to user space.'
               in text, "unknown parameters were not reported as Linux reports them")


# ---- the kernel's self-tests, oops and panic ----

@boot_test
def ktest_all(build_dir):
    """Every in-kernel self-test (memory, scheduler, wait queues, printk) passes."""
    with Qemu(build_dir, append="test_exit ktest=all") as qemu:
        status = qemu.wait_exit(timeout=120)
        text = qemu.output()
        plan = re.search(r"1\.\.(\d+)\n", text)
        expect(plan and int(plan.group(1)) >= 8, "no KTAP plan or too few tests")
        expect("not ok" not in text, "a self-test failed")
        expect(len(re.findall(r"\] ok \d+ ", text)) == int(plan.group(1)), "not every planned test reported ok")
        expect(status == EXIT_SUCCESS, f"exit status {status}")


@boot_test
def oops_null_dereference(build_dir):
    """A NULL write in kernel mode gives an oops with CR2, registers and a backtrace
    naming the faulting function and its callers; then a panic that exits QEMU."""
    with Qemu(build_dir, append="test_exit ktest=crash_null_dereference") as qemu:
        status = qemu.wait_exit()
        text = qemu.output()
        expect(status == EXIT_PANIC, f"expected the panic exit status {EXIT_PANIC}, got {status}")
        for line in ["BUG: kernel NULL pointer dereference, address: 00000000",
                     "#PF: supervisor write access in kernel mode",
                     "Oops: 0002 [#1]", "EIP: crash_write_to_null+0x", "CR2: 00000000",
                     "Call Trace:", "ktest_crash_null_dereference+0x", "ktest_run+0x", "kernel_init+0x",
                     "Kernel panic - not syncing: Fatal exception"]:
            expect(line in text, f"oops report lacks {line!r}")
        expect(re.search(r"EAX: [0-9a-f]{8} EBX: [0-9a-f]{8} ECX: [0-9a-f]{8} EDX: [0-9a-f]{8}", text),
               "registers missing")


@boot_test
def oops_divide_error(build_dir):
    """A division by zero in kernel mode: the exception is named and symbolized."""
    with Qemu(build_dir, append="test_exit ktest=crash_divide_error") as qemu:
        status = qemu.wait_exit()
        text = qemu.output()
        expect(status == EXIT_PANIC, f"exit status {status}")
        expect("divide error: 0000 [#1]" in text, "exception name missing")
        expect("EIP: crash_divide+0x" in text, "faulting function not named")
        expect("ktest_crash_divide_error+0x" in text, "caller missing from the backtrace")


@boot_test
def panic_exits_qemu(build_dir):
    """panic() prints its message and a backtrace and, with test_exit, ends QEMU
    with the failure status instead of hanging."""
    with Qemu(build_dir, append="test_exit ktest=crash_panic") as qemu:
        status = qemu.wait_exit(timeout=30)
        text = qemu.output()
        expect(status == EXIT_PANIC, f"exit status {status}")
        expect("Kernel panic - not syncing: ktest crash_panic: deliberate panic" in text, "panic message missing")
        expect("ktest_crash_panic+0x" in text, "panic backtrace does not name the caller")
        expect("---[ end Kernel panic - not syncing: ktest crash_panic" in text, "end marker missing")


# ---- console input: serial and PS/2 keyboard ----

@boot_test
def serial_input(build_dir):
    """Characters typed on the serial port reach the console input queue."""
    with Qemu(build_dir, append="test_exit ktest=console_input") as qemu:
        qemu.wait_for(r"console_input: waiting for a line", timeout=60)
        qemu.send("hello kernlab\r")
        qemu.wait_for(r"console_input: got 'hello kernlab'", timeout=30)
        expect(qemu.wait_exit() == EXIT_SUCCESS, "console_input ktest failed")


@boot_test
def keyboard_input(build_dir):
    """PS/2 scan codes become characters: letters, shift, digits, space."""
    with Qemu(build_dir, append="test_exit ktest=console_input") as qemu:
        qemu.wait_for(r"console_input: waiting for a line", timeout=60)
        for key in ["k", "shift-l", "spc", "1", "shift-2", "minus", "ret"]:
            qemu.monitor(f"sendkey {key}")
        qemu.wait_for(r"console_input: got 'kL 1@-'", timeout=30)
        expect(qemu.wait_exit() == EXIT_SUCCESS, "console_input ktest failed")


# ---- the VGA text console and console= ----

def vga_screen(qemu, tmp_name):
    """The 80x25 text screen, read from VGA memory with the QEMU monitor."""
    import os
    import tempfile
    path = os.path.join(tempfile.gettempdir(), f"kernlab-vga-{os.getpid()}-{tmp_name}.bin")
    reply = qemu.monitor(f'pmemsave 0xb8000 4000 "{path}"')
    expect(os.path.exists(path), f"pmemsave failed: {reply!r}")
    with open(path, "rb") as dump:
        cells = dump.read()
    os.unlink(path)
    chars = cells[0::2].decode("cp437")
    return [chars[row * 80:(row + 1) * 80].rstrip() for row in range(25)]


@boot_test
def vga_console_text(build_dir):
    """printk and the console shell reach the VGA text screen too."""
    # console_input waits for a line: the screen stays still while we read it.
    with Qemu(build_dir, append="loglevel=8 test_exit ktest=printk_levels,console_input") as qemu:
        qemu.wait_for(r"console_input: waiting for a line", timeout=60)
        rows = vga_screen(qemu, "printk")
        screen = "\n".join(rows)
        expect("printk_levels: level 6 KERN_INFO" in screen, "printk lines are not on the VGA screen")
        expect(re.search(r"^\[\s*\d+\.\d{6}\] ", screen, re.M), "no timestamped line on the VGA screen")
        expect(sum(1 for row in rows if row) >= 20, "the screen did not fill up and scroll")
    with Qemu(build_dir) as qemu:
        qemu.wait_for(SHELL_PROMPT, timeout=90)
        time.sleep(0.5)
        screen = "\n".join(vga_screen(qemu, "shell"))
        expect(re.search(r"root@kernlab:/# *$", screen, re.M), f"no shell prompt on the VGA screen:\n{screen}")


@boot_test
def console_param_selects_consoles(build_dir):
    """console=ttyS0 leaves the VGA screen out; console=tty0 leaves the serial port out."""
    with Qemu(build_dir, append="console=ttyS0,115200 test_exit ktest=printk_levels,console_input") as qemu:
        qemu.wait_for(r"console_input: waiting for a line", timeout=60)
        screen = "\n".join(vga_screen(qemu, "serial-only"))
        expect("start_kernel" not in screen and "printk_levels" not in screen, "console=ttyS0 still printed on VGA")
    with Qemu(build_dir, append="console=tty0 test_exit ktest=printk_levels") as qemu:
        status = qemu.wait_exit(timeout=60)
        expect(status == EXIT_SUCCESS, f"exit status {status}")
        expect("start_kernel" not in qemu.output() and "printk_levels" not in qemu.output(),
               "console=tty0 still printed on the serial port")


import userspace_tests  # noqa: E402,F401  (registers the shell tests)
import module_tests  # noqa: E402,F401  (registers the module tests)
import block_tests  # noqa: E402,F401  (registers the block device tests)
import ext2_tests  # noqa: E402,F401  (registers the e2fsprogs interoperability tests)
import busybox_tests  # noqa: E402,F401  (registers the busybox user-space tests)
import thread_tests  # noqa: E402,F401  (registers the thread, futex and vfork tests)
import fs_syscall_tests  # noqa: E402,F401  (registers the file-system system call tests)
import proc_tests  # noqa: E402,F401  (registers the /proc, #! script and misc system call tests)
import gdb_tests  # noqa: E402,F401  (registers the gdb and module oops tests)
import virtio_9p_tests  # noqa: E402,F401  (registers the host folder tests: virtio-9p, 9P2000.L)
import procfs_api_tests  # noqa: E402,F401  (registers the module procfs API tests: 2.6 and proc_ops)
import deferred_api_tests  # noqa: E402,F401  (registers the tty, keyboard LED, work queue and 2.6 IRQ tests)
import compat_core_tests  # noqa: E402,F401  (registers the 2.6/6.1 core module API tests: tasks, .ioctl, sleep_on, init sections)
import probes_tests  # noqa: E402,F401  (registers the kallsyms, kprobes, static key and blk-mq tests)
import sysfs_tests  # noqa: E402,F401  (registers the sysfs, /sys/module, /sys/class and debugfs tests)
import input_tests  # noqa: E402,F401  (registers the platform bus and input core tests)
import fuzz_tests  # noqa: E402,F401  (registers the sysfuzz system call fuzzing tests)
import watchdog_tests  # noqa: E402,F401  (registers the soft-lockup watchdog tests)
import module_corrupt_tests  # noqa: E402,F401  (registers the crafted .ko tests: NOBITS sections, bad pointers)
import ext2_corrupt_tests  # noqa: E402,F401  (registers the corrupt ext2 image tests: huge files, bad metadata)
import accounts_tests  # noqa: E402,F401  (registers the student account tests: su, login, setuid busybox)
import memory_limits_tests  # noqa: E402,F401  (registers the OOM killer, rlimit and fault injection tests)
import slub_debug_tests  # noqa: E402,F401  (registers the slub_debug tests: poisoning, double frees)


UNKNOWN_SYSCALL = re.compile(r"^.*unknown system call \d+, returning -ENOSYS$", re.M)   # the kernel's line


def check_no_unknown_syscalls():
    """Every boot of every test: busybox, glibc and kernlab's programs make no
    system call the kernel lacks (deliberate -ENOSYS entries are not logged)."""
    for qemu in Qemu.started_instances:
        found = UNKNOWN_SYSCALL.findall(qemu.output())
        expect(not found, "unknown system calls were logged:\n" + "\n".join(found))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True, help="where kernel.elf, initramfs.cpio and kernlab.iso are")
    parser.add_argument("--list", action="store_true", help="print the test names")
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if args.list:
        print(";".join(TESTS))
        return 0
    failed = 0
    for name in args.tests or list(TESTS):
        start = time.monotonic()
        Qemu.started_instances.clear()
        try:
            TESTS[name](args.build_dir)
            check_no_unknown_syscalls()
            watchdog_tests.check_no_soft_lockups()
            print(f"PASS {name} ({time.monotonic() - start:.1f}s)")
        except (BootTestFailure, OSError) as failure:
            failed += 1
            print(f"FAIL {name}: {failure}")
            for qemu in Qemu.started_instances:
                print("---- serial transcript ----")
                print(qemu.transcript())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
