"""Boot tests of memory accounting and limits: the OOM killer (memhog in a
64 MiB machine), resource limits through busybox ulimit (RLIMIT_NOFILE, AS,
DATA, STACK, NPROC) and /proc/PID/limits, the system-wide task limit, and
allocator fault injection (failslab=, fail_page_alloc=) under shell commands."""

import re

from checks import expect_no_trouble, meminfo_kb, user_output
from registry import boot_test, expect
from shell import Shell

OOM_LINE = re.compile(r"Out of memory: Killed process (\d+) \((\S+)\) total-vm:(\d+)kB, anon-rss:(\d+)kB, "
                      r"file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:(-?\d+)")


@boot_test
def oom_killer_memhog(build_dir):
    """memhog touches memory until there is none: the OOM killer names it in
    Linux's words, SIGKILLs it (status 137), its memory comes back, and the
    shell goes on. With oom_score_adj -1000 on a second hog, a bigger hog that
    is protected is passed over for the smaller one that is not."""
    with Shell(build_dir, memory="64M") as sh:
        free_before = int(user_output(sh, "awk '/MemFree/ {print $2}' /proc/meminfo"))
        out = sh.run("memhog; echo status $?", timeout=240)
        match = OOM_LINE.search(out)
        expect(match, f"no 'Out of memory: Killed process' line:\n{out}")
        pid, name, total_vm, rss, adj = match.groups()
        expect(name == "memhog", f"the OOM killer chose {name}, not memhog:\n{out}")
        expect(re.search(rf"memhog: pid {pid}\b", out), f"the victim's pid {pid} is not memhog's:\n{out}")
        expect(int(rss) > 30 * 1024, f"memhog had only {rss} kB when killed:\n{out}")
        expect("status 137" in out, f"memhog did not die of SIGKILL:\n{out}")
        expect(user_output(sh, "echo still here") == "still here", "the shell stopped answering")
        free_after = int(user_output(sh, "awk '/MemFree/ {print $2}' /proc/meminfo"))
        expect(free_after > free_before - 2048, f"memory not given back: {free_before} kB free before, {free_after} after")

        # A protected hog (oom_score_adj -1000) holding 24 MiB is bigger than what
        # is left for the next one, which is chosen all the same.
        sh.run("(echo -1000 > /proc/self/oom_score_adj; exec memhog 24 120 > /tmp/protected) &")
        sh.run("sleep 4")
        out = sh.run("memhog; echo status $?", timeout=240)
        victims = OOM_LINE.findall(out)
        expect(victims and all(v[1] == "memhog" and v[4] == "0" for v in victims),
               f"the OOM killer did not pick the unprotected memhog:\n{out}")
        expect("done, 24 MiB" in user_output(sh, "cat /tmp/protected"), "the protected memhog did not finish")
        expect(user_output(sh, "kill -0 $! && echo protected alive") == "protected alive",
               "the protected memhog was killed")
        sh.run("kill $!")
        expect_no_trouble(sh)


@boot_test
def oom_killer_cow_fork_bomb(build_dir):
    """Forked children that all write their copy of a 4 MiB heap run a 64 MiB
    machine out of memory in copy-on-write faults: the OOM killer kills
    children (never init or the shell) until the rest fit; no SIGSEGV."""
    with Shell(build_dir, memory="64M") as sh:
        out = sh.run("limits_test cowbomb 24 4; echo status $?", timeout=300)
        expect("Out of memory: Killed process" in out, f"no OOM kill:\n{out}")
        expect("segfault" not in out, f"a copy-on-write fault became SIGSEGV:\n{out}")
        killed = re.findall(r"Killed process \d+ \((\S+)\)", out)
        expect(killed and all(name == "limits_test" for name in killed), f"the OOM killer chose {killed}:\n{out}")
        expect(re.search(r"cowbomb: \d+ children killed by SIGKILL", out), f"cowbomb summary missing:\n{out}")
        expect(user_output(sh, "echo still here") == "still here", "the shell stopped answering")
        expect_no_trouble(sh)


@boot_test
def rlimit_nofile_as_data_stack(build_dir):
    """busybox ulimit sets limits through prlimit64; RLIMIT_NOFILE makes open,
    pipe and dup fail with EMFILE and dup2 past it EBADF; RLIMIT_AS (ulimit -v)
    and RLIMIT_DATA (ulimit -d) make big malloc and brk fail with ENOMEM while
    small ones work; the stack grows on faults up to RLIMIT_STACK."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "(ulimit -n 10; ulimit -n; limits_test nofile)")
        expect(out.startswith("10\n"), f"ulimit -n 10 did not stick:\n{out}")
        expect("opened 7 more, highest fd 9, then Too many open files" in out, f"RLIMIT_NOFILE:\n{out}")
        for line in ["pipe: Too many open files", "dup: Too many open files", "dup2 to 10: Bad file descriptor",
                     "F_DUPFD 10: Invalid argument", "after a close, open gives fd 9"]:
            expect(line in out, f"limits_test nofile lacks {line!r}:\n{out}")

        out = user_output(sh, "(ulimit -v 10000; limits_test malloc 20; limits_test brk 20; limits_test malloc 2)")
        expect(out.splitlines() == ["malloc 20 MiB: Cannot allocate memory", "brk +20 MiB: Cannot allocate memory",
                                    "malloc 2 MiB: ok"], f"RLIMIT_AS:\n{out}")
        out = user_output(sh, "(ulimit -d 4000; limits_test malloc 8; limits_test brk 8; limits_test malloc 1)")
        expect(out.splitlines() == ["malloc 8 MiB: Cannot allocate memory", "brk +8 MiB: Cannot allocate memory",
                                    "malloc 1 MiB: ok"], f"RLIMIT_DATA:\n{out}")
        expect("VmData" in sh.output() and "exceed data ulimit 4096000" in sh.output(), "no RLIMIT_DATA warning")

        expect(user_output(sh, "limits_test stack 4000") == "stack 4000 KiB: ok", "a 4 MB stack did not grow")
        out = sh.run("(ulimit -s 256; limits_test stack 1000); echo status $?")
        expect("status 139" in out and "segfault" in out, f"RLIMIT_STACK did not stop the stack:\n{out}")

        # Linux's rules: soft above hard is EINVAL, a hard limit on files above
        # nr_open (the table's 256) EPERM; root may raise a hard limit again.
        out = user_output(sh, "(ulimit -S -n 300) 2>&1")
        expect(out == "sh: error setting limit: Invalid argument", f"soft above hard:\n{out}")
        out = user_output(sh, "(ulimit -n 300) 2>&1")
        expect(out == "sh: error setting limit: Operation not permitted", f"above nr_open:\n{out}")
        out = user_output(sh, "(ulimit -n 100; ulimit -n 200; ulimit -H -n) 2>&1")
        expect(out == "200", f"root raising its hard limit:\n{out}")
        expect_no_trouble(sh)


def parse_limits(text):
    """/proc/PID/limits rows by Linux's columns: 26, 21, 21 characters, then the unit."""
    rows = {}
    for line in text.splitlines()[1:]:
        rows[line[:26].strip()] = (line[26:47].strip(), line[47:68].strip(), line[68:].strip())
    return rows


@boot_test
def rlimit_proc_limits_file(build_dir):
    """/proc/self/limits in Linux's layout, showing what ulimit set and what a
    child inherits; oom_score and oom_score_adj are there too."""
    with Shell(build_dir) as sh:
        out = "\n".join(line.rstrip() for line in user_output(sh, "cat /proc/self/limits").splitlines())
        lines = out.splitlines()
        expect(lines[0] == "Limit                     Soft Limit           Hard Limit           Units",
               f"header:\n{out}")
        expect(len(lines) == 17, f"{len(lines)} lines:\n{out}")
        limits = parse_limits(out)
        expect(limits["Max stack size"] == ("8388608", "unlimited", "bytes"), f"stack:\n{out}")
        expect(limits["Max open files"] == ("256", "256", "files"), f"nofile:\n{out}")
        nproc = limits["Max processes"]
        expect(nproc[0] == nproc[1] and nproc[0].isdigit() and nproc[2] == "processes", f"nproc:\n{out}")
        expect(limits["Max nice priority"] == ("0", "0", ""), f"nice:\n{out}")
        out = user_output(sh, "(ulimit -v 123456; ulimit -S -n 77; cat /proc/self/limits)")
        limits = parse_limits(out)
        expect(limits["Max address space"] == ("126418944", "126418944", "bytes"), f"AS:\n{out}")
        expect(limits["Max open files"] == ("77", "256", "files"), f"nofile 77:\n{out}")
        score = user_output(sh, "cat /proc/self/oom_score")
        expect(score.isdigit() and 600 < int(score) < 2000, f"oom_score {score}")
        out = user_output(sh, "(echo 500 > /proc/self/oom_score_adj; cat /proc/self/oom_score_adj /proc/self/oom_score)")
        adj, raised = out.split()
        expect(adj == "500" and int(raised) > int(score) + 200, f"oom_score_adj 500: {out}")
        out = user_output(sh, "(echo 1001 > /proc/self/oom_score_adj) 2>&1; cat /proc/self/oom_score_adj")
        expect(out.endswith("0") and "Invalid argument" in out, f"oom_score_adj 1001 accepted: {out}")
        expect_no_trouble(sh)


@boot_test
def rlimit_nproc_and_task_table(build_dir):
    """RLIMIT_NPROC: a fork bomb as user 1000 under a limit of 50 gets EAGAIN
    with 49 children (50 processes of that user); root is exempt, but the
    system-wide task limit (max_threads, an eighth of RAM for kernel stacks)
    stops a root fork bomb with EAGAIN too, and everything is reaped."""
    with Shell(build_dir, memory="64M") as sh:
        out = user_output(sh, "limits_test forkbomb-as 1000 50", timeout=120)
        expect("forkbomb: 49 children, then fork: Resource temporarily unavailable" in out, f"RLIMIT_NPROC:\n{out}")
        expect("reaped 49" in out, f"children not reaped:\n{out}")
        out = user_output(sh, "(ulimit -u 50; limits_test forkbomb)", timeout=300)
        match = re.search(r"forkbomb: (\d+) children, then fork: Resource temporarily unavailable", out)
        expect(match and int(match.group(1)) > 100, f"root should pass RLIMIT_NPROC, stop at max_threads:\n{out}")
        expect(f"reaped {match.group(1)}" in out, f"children not reaped:\n{out}")
        expect(user_output(sh, "echo still here") == "still here", "the shell stopped answering")
        expect_no_trouble(sh)


FAULT_COMMANDS = [
    "ls / /proc /dev",
    "cat /proc/version /proc/meminfo",
    "echo hello | cat | wc -c",
    "busybox sh -c 'echo from a child shell'",
    "mkdir -p /tmp/fi; mount -t tmpfs none /tmp/fi && echo data > /tmp/fi/x && cat /tmp/fi/x; umount /tmp/fi",
    "insmod /lib/modules/hello.ko && rmmod hello",
    "ps",
    "dd if=/dev/zero bs=4k count=64 2>/dev/null | wc -c",
    "limits_test malloc 4",
    "seq 1 200 | sort -r | head -2",
]


@boot_test
def fault_injection_shell(build_dir):
    """failslab= and fail_page_alloc= (interval 7, probability 20%, times 0:
    off at boot); task-filter on and times set from debugfs make kmalloc and
    page allocations of a subshell (make-it-fail 1) fail: its commands may fail,
    but the kernel has no oops or panic and the shell keeps answering."""
    with Shell(build_dir, append="failslab=7,20,0,0 fail_page_alloc=7,20,0,0") as sh:
        expect("FAULT_INJECTION: failslab: interval 7, probability 20%, space 0, times 0" in sh.output(),
               "failslab= not taken")
        for attr in ["failslab", "fail_page_alloc"]:
            sh.run(f"echo Y > /sys/kernel/debug/{attr}/task-filter; echo 0 > /sys/kernel/debug/{attr}/verbose")
            sh.run(f"echo 100000 > /sys/kernel/debug/{attr}/times")   # failures left: counts down
        expect(user_output(sh, "cat /sys/kernel/debug/failslab/times") == "100000", "times not set")
        for _ in range(3):
            for command in FAULT_COMMANDS:
                sh.run(f"(echo 1 > /proc/self/make-it-fail; {command}) 2>&1 | tail -3", timeout=60)
                expect(user_output(sh, "echo alive") == "alive", f"the shell stopped answering after {command!r}")
        expect_no_trouble(sh)
        for attr in ["failslab", "fail_page_alloc"]:
            left = int(user_output(sh, f"cat /sys/kernel/debug/{attr}/times"))
            expect(left < 100000, f"{attr}: no allocation was failed")
            sh.run(f"echo 0 > /sys/kernel/debug/{attr}/times")
        expect(user_output(sh, "echo hello | cat") == "hello", "allocations still fail with times 0")



@boot_test
def buffer_cache_gives_memory_back(build_dir):
    """The buffer cache keeps what ext2 read (up to an eighth of memory), and
    gives clean blocks back before the OOM killer would kill: memhog gets
    nearly all of MemAvailable, which counts the cache, and nobody is killed."""
    with Shell(build_dir, memory="128M") as sh:
        for command in ("insmod /lib/modules/memdrive.ko nsectors=49152", "mkfs.ext2 -q /dev/memdrive",
                        "mount -t ext2 /dev/memdrive /mnt", "dd if=/dev/zero of=/mnt/file bs=1M count=20 2>/dev/null",
                        "sync", "cat /mnt/file > /dev/null"):
            sh.run(command, timeout=120)
        cached = meminfo_kb(sh, "Buffers")
        expect(cached >= 12 * 1024, f"the cache kept only {cached} kB of a 20 MiB file just read")
        want = meminfo_kb(sh, "MemAvailable") // 1024 - 12
        out = sh.run(f"memhog {want}; echo status $?", timeout=240)
        expect("status 0" in out, f"memhog {want} (MiB) did not finish:\n{out[-800:]}")
        log = user_output(sh, "dmesg | grep 'Out of memory' || true")
        expect(log == "", f"the OOM killer killed while the cache held memory:\n{log}")
        expect(meminfo_kb(sh, "Buffers") < cached, "the cache gave nothing back")


@boot_test
def buffer_cache_forgets_freed_blocks(build_dir):
    """A deleted file's blocks leave the buffer cache at once (Linux drops a
    file's page cache when it is deleted): Buffers falls by about the file's
    size, and those still dirty are no longer (never written back)."""
    with Shell(build_dir) as sh:
        for command in ("insmod /lib/modules/memdrive.ko nsectors=32768", "mkfs.ext2 -q /dev/memdrive",
                        "mount -t ext2 /dev/memdrive /mnt", "dd if=/dev/zero of=/mnt/file bs=1M count=8 2>/dev/null"):
            sh.run(command, timeout=120)
        before = meminfo_kb(sh, "Buffers")
        expect(before >= 8 * 1024, f"8 MiB just written, Buffers is {before} kB")
        sh.run("rm /mnt/file")
        after = meminfo_kb(sh, "Buffers")
        expect(before - after >= 7 * 1024, f"rm gave back only {before - after} kB (Buffers {before} -> {after} kB)")
        expect(meminfo_kb(sh, "Dirty") < 1024, f"the deleted file's blocks are still dirty: {meminfo_kb(sh, 'Dirty')} kB")

