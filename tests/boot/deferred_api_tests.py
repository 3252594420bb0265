"""Boot tests of the module guide's chapters 10-12 APIs, in their Linux 2.6 and
6.x forms: writing to the caller's terminal through its tty driver, keyboard
LEDs through the console's KDSETLED (checked on QEMU's PS/2 keyboard itself),
work queues with 2.6's DECLARE_WORK(name, func, data), and 2.6-style interrupt
handlers sharing the keyboard's IRQ 1."""

import os
import re
import tempfile
import time

from checks import KERNEL_LINE, KERNEL_TROUBLE, status, user_output
from registry import boot_test, expect
from shell import Shell

MODULES = "/lib/modules"


def wait_for(condition, timeout):
    """Polls `condition` until it holds or `timeout` seconds passed (a loaded
    host runs the guest's clock slower); returns its last value."""
    deadline = time.monotonic() + timeout
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return value


def insmod(sh, name, args=""):
    return sh.run(f"insmod {MODULES}/{name}.ko {args}".rstrip())


def expect_clean(sh):
    """The transcript so far has no oops or panic, and the shell still answers."""
    expect(user_output(sh, "echo still-alive") == "still-alive", "the shell stopped answering")
    for word in KERNEL_TROUBLE:
        expect(word not in sh.output(), f"{word!r} in the transcript:\n{sh.output()[-3000:]}")


@boot_test
def deferred_tty_driver_write(build_dir):
    """ttywrite writes to the terminal of the shell that loads it through the
    tty driver (2.6's current->signal->tty and driver->write, 6.x's
    get_current_tty and driver->ops->write): the lines show in insmod's
    output, and are not printk lines (not in dmesg)."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "ttywrite")
        expect(status(sh) == "0", f"insmod ttywrite.ko failed:\n{out}")
        text = KERNEL_LINE.sub("", out)
        for line in ("ttywrite: loaded, written by driver->write", "ttywrite: loaded, written by driver->ops->write"):
            expect(line in text, f"insmod's terminal output lacks {line!r}:\n{out}")
        expect("ttywrite" not in sh.run("dmesg | grep ttywrite"), "the lines went through printk")
        out = sh.run("rmmod ttywrite")
        expect("ttywrite: unloaded, goodbye terminal" in out, f"rmmod's terminal output:\n{out}")
        expect_clean(sh)


def led_states(trace_file):
    """The LED bytes QEMU's PS/2 keyboard was given, oldest first."""
    try:
        with open(trace_file, errors="replace") as trace:
            return [int(m.group(1)) for m in re.finditer(r"ps2_set_ledstate\b.*?ledstate (\d+)", trace.read())]
    except FileNotFoundError:
        return []


@boot_test
def deferred_keyboard_leds(build_dir):
    """ledblink blinks the keyboard LEDs with KDSETLED from a timer (2.6's
    vc_cons[fg_console].d->vc_tty and driver->ioctl): QEMU's keyboard is sent
    7 (all on) and 0 (the lock keys: none) in turn; after rmmod (6.x's
    port.tty and driver->ops->ioctl) the LEDs are 0 and stay so."""
    trace_file = os.path.join(tempfile.mkdtemp(prefix="kernlab-leds-"), "trace.log")
    with Shell(build_dir, extra_args=["-trace", f"enable=ps2_set_ledstate,file={trace_file}"]) as sh:
        before = len(led_states(trace_file))
        out = insmod(sh, "ledblink", "blink_ms=100")
        expect(status(sh) == "0", f"insmod ledblink.ko failed:\n{out}")
        blinked = lambda: (lambda s: s.count(7) >= 3 and s.count(0) >= 2)(led_states(trace_file)[before:])
        wait_for(blinked, 10)
        log = sh.run("dmesg | grep ledblink")
        expect(re.search(r"ledblink: console 0 is tty1, driver vt \(magic 5402\)", log), f"dmesg:\n{log}")
        blinking = led_states(trace_file)[before:]
        expect(blinking.count(7) >= 3 and blinking.count(0) >= 2,
               f"the keyboard got LED bytes {blinking} in 10 s of blinking every 100 ms")
        expect(all(a != b for a, b in zip(blinking, blinking[1:])), f"LED bytes do not alternate: {blinking}")
        out = sh.run("rmmod ledblink")
        expect(status(sh) == "0", f"rmmod ledblink failed:\n{out}")
        time.sleep(0.5)
        after_rmmod = led_states(trace_file)
        time.sleep(0.5)
        expect(after_rmmod and after_rmmod[-1] == 0, f"LEDs after rmmod: {after_rmmod[-5:]}")
        expect(led_states(trace_file) == after_rmmod, "the LEDs still change after rmmod")
        expect(re.search(r"ledblink: \d+ blinks", sh.run("dmesg | grep ledblink")), "no unload message")
        expect_clean(sh)


def wqtick_runs(sh):
    text = user_output(sh, "cat /proc/wqtick")
    match = re.fullmatch(r"Work ran (\d+) times so far", text)
    expect(match, f"/proc/wqtick says {text!r}")
    return int(match.group(1))


@boot_test
def deferred_workqueue_2_6(build_dir):
    """wqtick's 2.6 work item (DECLARE_WORK with data, queue_delayed_work on
    the work_struct, create_workqueue) requeues itself every 100 ms: its count
    in /proc/wqtick grows; rmmod cancels, flushes and destroys the queue, and
    nothing of it runs afterwards."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "wqtick", "tick_ms=100")
        expect(status(sh) == "0", f"insmod wqtick.ko failed:\n{out}")
        first = wqtick_runs(sh)
        time.sleep(1)
        second = wait_for(lambda: (lambda n: n if n - first >= 8 else 0)(wqtick_runs(sh)), 10) or wqtick_runs(sh)
        expect(second - first >= 8, f"the work ran {second - first} times in 10 s (every 100 ms expected)")
        expect("wqtick" in sh.run("ps"), "no worker thread named wqtick in ps")
        out = sh.run("rmmod wqtick")
        expect(status(sh) == "0", f"rmmod wqtick failed:\n{out}")
        match = re.search(r"wqtick: stopped after (\d+) runs", sh.run("dmesg | grep wqtick"))
        expect(match and int(match.group(1)) >= second, "no (or a wrong) unload message")
        time.sleep(0.5)
        expect("wqtick" not in user_output(sh, "ps"), "the worker thread outlived destroy_workqueue")
        expect_clean(sh)


@boot_test
def deferred_irq_2_6_handler(build_dir):
    """kbirq's handler has 2.6's (irq, dev_id, regs) signature and shares IRQ 1
    with the keyboard driver through SA_SHIRQ: key presses sent through the
    QEMU monitor reach it, with the registers, and its work item logs the scan
    codes it read from port 0x60 (Left Shift: 2a)."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "kbirq")
        expect(status(sh) == "0", f"insmod kbirq.ko failed:\n{out}")
        interrupts = user_output(sh, "grep ' 1:' /proc/interrupts")
        expect("i8042, kbirq" in interrupts, f"/proc/interrupts line of IRQ 1: {interrupts!r}")
        for _ in range(2):
            sh.qemu.monitor("sendkey shift")
        time.sleep(0.5)
        log = sh.run("dmesg | grep kbirq")
        expect("kbirq: scan code 2a pressed" in log and "kbirq: scan code 2a released" in log, f"dmesg:\n{log}")
        out = sh.run("rmmod kbirq")
        expect(status(sh) == "0", f"rmmod kbirq failed:\n{out}")
        match = re.search(r"kbirq: (\d+) interrupts, (\d+) with registers", sh.run("dmesg | grep kbirq"))
        expect(match and int(match.group(1)) >= 4 and match.group(1) == match.group(2),
               f"unload message: {match.group(0) if match else None}")
        expect("kbirq" not in user_output(sh, "cat /proc/interrupts"), "kbirq still on IRQ 1")
        sh.qemu.monitor("sendkey shift")   # the line without the module's handler
        expect_clean(sh)
