"""Boot tests of the soft-lockup watchdog (kernel/debug/watchdog.cpp): the
test_lockup sample module spins in the kernel, and the log says so as Linux
does, once per episode, naming the function; time spent preemptible, idle, in
user mode, or touching the watchdog is not a lockup."""

import re
import time

from qemu import EXIT_PANIC, Qemu
from registry import boot_test, expect
from shell import Shell

LOCKUP = re.compile(r"watchdog: BUG: soft lockup - CPU#0 stuck for (\d+)s! \[(\S+):(\d+)\]")
INSMOD = "insmod /lib/modules/test_lockup.ko"


def lockups(sh, start=0):
    return list(LOCKUP.finditer(sh.output(), start))


@boot_test
def watchdog_soft_lockup(build_dir):
    """watchdog_thresh=2: a spin of 7 s with preemption off is reported once
    after 4 s with the registers and a backtrace through test_lockup_spin; the
    same spin preemptible, or touching the watchdog, and a user-mode loop are not
    lockups; the system goes on."""
    with Shell(build_dir, append="watchdog_thresh=2") as sh:
        sh.qemu.expects_soft_lockup = True
        expect("watchdog: watchdog_thresh=2: a CPU stuck in the kernel for 4s is reported" in sh.output(),
               "the watchdog did not announce its threshold")
        sh.run(f"{INSMOD} time_secs=6 disable_preempt=0", timeout=60)
        expect(not lockups(sh), "a preemptible spin was reported as a soft lockup")
        sh.run(f"{INSMOD} time_secs=6 touch_softlockup=1", timeout=60)
        expect(not lockups(sh), "a spin that touches the watchdog was reported")
        sh.run("timeout 6 sh -c 'while :; do :; done'", timeout=60)
        time.sleep(5)   # idle at the prompt, longer than the threshold
        expect(not lockups(sh), "user-mode or idle time was reported as a soft lockup")

        mark = len(sh.output())
        sh.run(f"{INSMOD} time_secs=7", timeout=120)
        found = lockups(sh, mark)
        expect(len(found) == 1, f"expected one soft lockup report for one episode, got {len(found)}")
        report = sh.output()[found[0].start():]
        seconds, comm = int(found[0].group(1)), found[0].group(2)
        expect(4 <= seconds <= 5, f"reported after {seconds}s, the threshold is 4s")
        expect(comm == "insmod", f"the report names {comm!r}, not the spinning insmod")
        for part in ["Modules linked in: test_lockup", "CPU: 0 PID: ", "EIP: test_lockup_spin+0x",
                     "EAX: ", "Call Trace:", "test_lockup_init+0x"]:
            expect(part in report, f"the soft lockup report lacks {part!r}:\n{report[:1500]}")
        expect("test_lockup: done" in report, "the spin did not finish after the report")
        expect(sh.run("echo alive").strip() == "alive", "the shell does not answer after the lockup")
        expect("Oops" not in sh.output() and "Kernel panic" not in sh.output(), "the lockup became an oops")


@boot_test
def watchdog_softlockup_panic(build_dir):
    """softlockup_panic=1: the soft lockup report ends in a panic (which, with
    test_exit, ends QEMU with the panic status)."""
    with Shell(build_dir, append="watchdog_thresh=1 softlockup_panic=1 test_exit") as sh:
        sh.qemu.expects_soft_lockup = True
        sh.send(f"{INSMOD} time_secs=10\r")
        status = sh.qemu.wait_exit(timeout=60)
        text = sh.output()
        expect(LOCKUP.search(text), "no soft lockup report")
        expect("Kernel panic - not syncing: softlockup: hung tasks" in text, "softlockup_panic did not panic")
        expect(status == EXIT_PANIC, f"QEMU exit status {status}, expected the panic status {EXIT_PANIC}")
        expect("test_lockup: done" not in text, "the spin finished: the panic came too late")


def check_no_soft_lockups():
    """Every boot of every test: no soft lockup report, unless the test asked for one."""
    for qemu in Qemu.started_instances:
        if getattr(qemu, "expects_soft_lockup", False):
            continue
        found = [line for line in qemu.output().split("\n") if "BUG: soft lockup" in line]
        expect(not found, "a soft lockup was reported:\n" + "\n".join(found))


@boot_test
def sched_cpu_hog_does_not_starve(build_dir):
    """A busy loop in the background does not starve the shell: a task that ran
    alone gets a new time slice, so the tick preempts it again once another task
    wakes (the watchdog test found it keeping the CPU for good)."""
    with Shell(build_dir) as sh:
        sh.run("sh -c 'while :; do :; done' &")
        started = time.monotonic()
        expect(sh.run("sleep 1; echo answered", timeout=30).strip().endswith("answered"),
               "the shell did not answer beside a busy loop")
        expect(time.monotonic() - started < 20, "the shell answered only after a long wait")
        sh.run("kill %1")
