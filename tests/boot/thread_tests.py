"""Boot tests of threads, futexes and vfork: static glibc programs
(user/glibc/, built with i686-linux-gnu-gcc -static) typed at the shell."""

import re
import time

from registry import boot_test, expect
from shell import Shell
from checks import expect_no_trouble, interrupt


@boot_test
def glibc_pthreads(build_dir):
    """pthread_test: 4 threads (clone with CLONE_THREAD|CLONE_SETTLS...), a
    futex-based mutex and condition variable, pthread_join through
    CLONE_CHILD_CLEARTID; the total is exact every time."""
    with Shell(build_dir) as sh:
        expect(sh.run("/usr/bin/glibc_true; echo status $?").strip() == "status 0", "glibc_true failed")
        for _ in range(3):
            out = sh.run("/usr/bin/pthread_test", timeout=120)
            expect("total 400000" in out and re.search(r"^ok\r?$", out, re.M), f"pthread_test:\n{out}")
        expect_no_trouble(sh)


@boot_test
def set_thread_area_reloads_a_loaded_selector(build_dir):
    """set_thread_area on the descriptor %fs holds: the new base is in effect at
    once, after a system call and after a task switch (tls_reload_test)."""
    with Shell(build_dir) as sh:
        out = sh.run("/usr/bin/tls_reload_test; echo status $?")
        expect("tls_reload_test: ok" in out and "status 0" in out, f"tls_reload_test:\n{out}")


@boot_test
def glibc_vfork_spawn_popen(build_dir):
    """vfork (the parent sleeps until exec or exit, memory shared), posix_spawn
    (clone(CLONE_VM|CLONE_VFORK) on a separate stack) and popen."""
    with Shell(build_dir) as sh:
        out = sh.run("/usr/bin/spawn_test", timeout=60)
        for name in ["vfork_exit", "vfork_exec", "posix_spawn", "posix_spawn_missing", "popen", "spawn_test"]:
            expect(re.search(rf"^{name} ok\r?$", out, re.M), f"spawn_test lacks '{name} ok':\n{out}")
        expect_no_trouble(sh)


@boot_test
def glibc_thread_signals_and_exit(build_dir):
    """raise (tgkill), kill to the group, pthread_kill, futex time-outs,
    exit_group killing other threads, the leader leaving first, execve from a
    non-leader thread, SIGKILL to a busy group."""
    with Shell(build_dir) as sh:
        out = sh.run("/usr/bin/thread_signal_test", timeout=60)
        for name in ["raise", "kill_group", "pthread_kill", "timedwait", "exit_group", "leader_exit",
                     "exec_thread", "sigkill_group", "thread_signal_test"]:
            expect(re.search(rf"^{name} ok\r?$", out, re.M), f"thread_signal_test lacks '{name} ok':\n{out}")
        expect_no_trouble(sh)


@boot_test
def glibc_exec_loop_1000(build_dir):
    """1,000 fork+execs alternating a glibc program (its %gs names a TLS
    descriptor) and a kernlab-libc one (forkstress 0: null %gs), with no oops."""
    with Shell(build_dir) as sh:
        out = sh.run("/usr/bin/exec_loop 1000 /usr/bin/glibc_true '/bin/forkstress 0'", timeout=170)
        expect("exec_loop: 1000 runs ok" in out, f"exec_loop:\n{out}")
        expect_no_trouble(sh)


@boot_test
def glibc_gs_across_timer_switches(build_dir):
    """The stale-%gs case: glibc threads spin in user mode with %gs set while a
    kernlab-libc program forks and execs (mostly in the kernel, where timer
    interrupts preempt it). Every switch must load the next task's own %gs:
    a stale one faults on the way out of a kernel-mode interrupt."""
    with Shell(build_dir) as sh:
        out = sh.run("busybox sh -c '/usr/bin/pthread_test > /tmp/pt.out & forkstress 300; wait; cat /tmp/pt.out'",
                     timeout=170)
        expect("total 400000" in out and re.search(r"^ok\r?$", out, re.M), f"pthread_test beside forkstress:\n{out}")
        expect(re.search(r"forkstress: 300 runs of /bin/true: 300 ok, 0 failed", out), f"forkstress:\n{out}")
        expect_no_trouble(sh)


@boot_test
def glibc_futex_robust_clone_flags(build_dir):
    """futex directly: EAGAIN, EFAULT, EINVAL, ETIMEDOUT (relative and absolute),
    CMP_REQUEUE, WAKE_OP; robust mutexes whose owner thread or process dies
    (EOWNERDEAD through the robust list); clone's invalid flag combinations."""
    with Shell(build_dir) as sh:
        out = sh.run("/usr/bin/futex_test", timeout=60)
        names = re.findall(r"^(\w+) (?:ok|FAILED)\r?$", out, re.M)
        expect(len(names) >= 20 and "FAILED" not in out and re.search(r"^futex_test ok\r?$", out, re.M),
               f"futex_test:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_trap_int(build_dir):
    """busybox ash: a trap on SIGINT runs its command, and the script goes on."""
    with Shell(build_dir) as sh:
        out = sh.run("busybox sh -c \"trap 'echo caught INT' INT; kill -INT \\$\\$; echo after\"")
        expect(out.split() == ["caught", "INT", "after"], f"trap INT:\n{out}")
        out = sh.run("busybox sh -c 'kill -INT $$; echo not reached'")
        expect("not reached" not in out, f"ash survived its SIGINT:\n{out}")
        # A shell stops a command list whose command died of SIGINT, so $? is asked apart.
        expect(sh.run("echo status $?").strip() == "status 130", "ash was not killed by SIGINT")
        expect_no_trouble(sh)


@boot_test
def glibc_threads_job_control(build_dir):
    """Ctrl-Z stops every thread of a busy threaded program (a group stop),
    fg continues them all to the exact total; Ctrl-C kills the whole group."""
    with Shell(build_dir) as sh:
        sh.send("/usr/bin/pthread_test 10000000\r")
        time.sleep(1)
        sh.send("\x1a")
        stopped = sh.wait_prompt(timeout=20)
        expect("Stopped" in stopped, f"Ctrl-Z did not stop pthread_test:\n{stopped}")
        running = sh.run("cat /proc/loadavg").split()[3]
        expect(running == "1/" + running.split("/")[1], f"threads still run while stopped: {running}")
        out = sh.run("fg", timeout=120)
        expect("total 40000000" in out and re.search(r"^ok\r?$", out, re.M), f"after fg:\n{out}")

        seconds, _ = interrupt(sh, "/usr/bin/pthread_test 50000000", 2, 20)
        expect(seconds < 10, "Ctrl-C did not end pthread_test")
        expect(sh.run("echo $?").strip() == "130", "pthread_test was not killed by SIGINT")
        expect("pthread_test" not in sh.run("ps"), "threads of pthread_test survived Ctrl-C")
        expect_no_trouble(sh)
