"""Boot tests with sysfuzz, the ring-3 system call fuzzer (tests/fuzz/README.md):
a short campaign with fixed seeds as root and as uid 1000, after which the
kernel must still be up and must never have oopsed, and the reproducers of the
kernel bugs sysfuzz found, each a fixed seed and batch."""

import re

from registry import boot_test, expect
from shell import Shell

# The kernel's own reports. "general protection fault:" with the colon is an
# oops; a user program's trap is "trap general protection fault ip:...".
TROUBLE = re.compile(r"Oops|BUG:|Kernel panic|Call Trace|general protection fault:|soft lockup -")
SUMMARY = re.compile(r"sysfuzz: seed (\d+): (\d+) calls in (\d+) batches: .*: kernel ok$", re.M)


def fuzz(sh, command, timeout=300):
    """Runs one sysfuzz command; fails on kernel trouble; returns the calls made."""
    mark = len(sh.output())
    text = sh.run(command, timeout=timeout)
    trouble = TROUBLE.search(sh.output(), mark)
    if trouble:
        start = max(mark, trouble.start() - 500)
        expect(False, f"`{command}`: the kernel is in trouble:\n{sh.output()[start:trouble.start() + 2000]}")
    summary = SUMMARY.search(text)
    expect(summary, f"`{command}` did not end with 'kernel ok':\n{text[-2000:]}")
    return int(summary.group(2))


def still_up(sh):
    expect(sh.run("echo still up").strip().endswith("still up"), "the shell does not answer")
    expect(sh.run("cat /proc/version").startswith("Linux version"), "/proc no longer works")


@boot_test
def sysfuzz_short_campaign(build_dir):
    """10000 random system calls as root and 8000 as uid 1000 (fixed seeds, 100
    a batch): the kernel stays up and logs no oops, BUG, panic or soft lockup."""
    with Shell(build_dir, append="watchdog_thresh=5") as sh:
        root_calls = fuzz(sh, "sysfuzz -s 1 -n 10000 -k 100")
        user_calls = fuzz(sh, "runas 1000 sysfuzz -s 2 -n 8000 -k 100")
        expect(root_calls > 8000 and user_calls > 6400,
               f"too few calls were made ({root_calls} as root, {user_calls} as uid 1000)")
        still_up(sh)


@boot_test
def sysfuzz_replay_prints_calls(build_dir):
    """-b replays one batch and -v prints each call before it is made: the
    same seed and batch print the same calls twice."""
    with Shell(build_dir) as sh:
        first = sh.run("sysfuzz -s 5 -k 30 -b 3 -v", timeout=120)
        second = sh.run("sysfuzz -s 5 -k 30 -b 3 -v", timeout=120)
        # The names and order; pids in the arguments differ from run to run.
        calls = lambda text: re.findall(r"^sysfuzz: \[3:\d+\] (\w+)\(", text, re.M)
        expect(len(calls(first)) >= 10, f"too few calls printed:\n{first[-1500:]}")
        expect(calls(first) == calls(second), "the same seed and batch made different calls")
        expect("sysfuzz: seed 5," in first, "the seed is not printed")


# ---- the bugs sysfuzz found, each with its reproducer ----

@boot_test
def fuzz_orphan_exit_signal_spares_init(build_dir):
    """An orphan whose clone asked for SIGUSR1 as its exit signal gives init
    SIGCHLD when it exits, as Linux resets it on reparenting: sysfuzz's
    grandchildren halted and rebooted the machine through init's handlers."""
    with Shell(build_dir) as sh:
        out = sh.run("fuzzrepro orphan-exit-signal", timeout=60)
        expect("the orphan exited" in out, f"fuzzrepro output:\n{out}")
        expect("init: halt" not in sh.output() and "init: restart" not in sh.output(),
               "init took the orphan's exit signal for a shutdown request")
        still_up(sh)


@boot_test
def fuzz_kill_pgrp_checks_permission(build_dir):
    """kill(-pgid) as uid 1000 may not signal root's processes (-EPERM), and
    kill(INT_MIN) is -ESRCH: sysfuzz's unprivileged children could kill any
    process group."""
    with Shell(build_dir) as sh:
        sh.run("sleep 60 &")
        pid = sh.run("echo $!").strip()
        expect(pid.isdigit(), f"no pid for the background sleep: {pid!r}")
        out = sh.run(f"runas 1000 fuzzrepro kill -{pid} 9")
        expect(f"kill(-{pid}, 9) = -1 Operation not permitted" in out, f"uid 1000 signalled root's group:\n{out}")
        expect(sh.run(f"kill -0 {pid} && echo alive").strip().endswith("alive"), "root's sleep was killed")
        out = sh.run(f"fuzzrepro kill -{pid} 0")
        expect(f"kill(-{pid}, 0) = 0" in out, f"root may signal its own group:\n{out}")
        out = sh.run("fuzzrepro kill -2147483648 0")
        expect("= -1 No such process" in out, f"kill(INT_MIN) is not -ESRCH:\n{out}")
        sh.run(f"kill {pid}")


@boot_test
def fuzz_finit_module_bad_args_freed_once(build_dir):
    """finit_module with an unreadable argument string is -EFAULT, and under
    slub_debug no kmalloc misuse is reported: the kernel freed the argument
    buffer twice on that path (sysfuzz seed 5010, batch 11, with slub_debug)."""
    with Shell(build_dir, append="slub_debug") as sh:
        out = sh.run("fuzzrepro finit-bad-args /lib/modules/hello.ko; ls /proc > /dev/null; lsmod", timeout=60)
        expect("100 of 100 calls gave EFAULT" in out, f"fuzzrepro output:\n{out}")
        expect("BUG kmalloc" not in sh.output(), "slub_debug saw a bad free")
        expect(not TROUBLE.search(sh.output()), "the kernel is in trouble")
        still_up(sh)


@boot_test
def fuzz_stale_not_present_fs_selector(build_dir):
    """A user's %fs naming a TLS descriptor that set_thread_area made not
    present: the return to user space takes #NP reloading %fs, and, as for
    #GP, the fixup loads the null selector; the program goes on (the kernel
    panicked: sysfuzz seed 5042, uid 1000)."""
    with Shell(build_dir) as sh:
        out = sh.run("runas 1000 fuzzrepro stale-not-present-fs", timeout=60)
        expect(re.search(r"set_thread_area 0, %fs was 0x\w+, is 0$", out, re.M), f"fuzzrepro output:\n{out}")
        expect(not TROUBLE.search(sh.output()), "the kernel is in trouble")
        still_up(sh)


@boot_test
def sysfuzz_root_leaves_other_files_alone(build_dir):
    """sysfuzz changes only its scratch folder's files, even as root. Seed
    6040's batch 130 dup2()s the fd of "/" onto the number of a scratch fd and
    then fchown()s that number; its batch 161 dup()s it onto the number of the
    fd it closed and fchmod()s that: root's fuzzing gave "/" to uid 65535 and
    mode 644, and the campaign's next uid 1000 round could not start
    ("Permission denied")."""
    with Shell(build_dir) as sh:
        before = sh.run("stat -c %a:%u:%g / /bin /tmp /bin/sysfuzz").split()
        for batch in (130, 161):
            sh.run(f"sysfuzz -s 6040 -n 20000 -k 100 -b {batch} >/dev/null 2>&1", timeout=120)
            after = sh.run("stat -c %a:%u:%g / /bin /tmp /bin/sysfuzz").split()
            expect(len(before) == 4 and before == after,
                   f"batch {batch} changed files outside its folder: {before} -> {after}")
