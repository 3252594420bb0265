"""Boot tests of the kernel's introspection and the newer driver APIs the
current module guide uses: /proc/kallsyms and kallsyms_lookup_name, kprobes
(kprobe_count counts calls; syscall_spy finds sys_call_table through a kprobe
on kallsyms_lookup_name, as the guide's syscall-steal example does), static
keys (static_branch) and a blk-mq RAM disk (mq_ramdisk) carrying ext2."""

import re

from checks import expect_no_trouble, run_ok, user_output
from registry import boot_test, expect
from shell import Shell

MODULES = "/lib/modules"
# dmesg's lines look like the console's, which run_ok takes out: read them with sh.run.
KALLSYMS_LINE = re.compile(r"^([0-9a-f]{8}) ([A-Za-z]) (\S+)(?:\t\[(\w+)\])?$", re.M)


def kallsyms_address(sh, name):
    """The address /proc/kallsyms gives `name` (a kernel symbol), as an int."""
    line = run_ok(sh, f"grep ' {name}$' /proc/kallsyms")
    match = KALLSYMS_LINE.search(line)
    expect(match, f"/proc/kallsyms has no line for {name}:\n{line}")
    return int(match.group(1), 16)


def kprobe_counts(sh):
    """(calls, post, missed, wrong ip) from /proc/kprobe_count."""
    text = run_ok(sh, "cat /proc/kprobe_count")
    match = re.search(r"(\d+) calls \((\d+) post, (\d+) missed, (\d+) wrong ip\)", text)
    expect(match, f"/proc/kprobe_count:\n{text}")
    return tuple(int(n) for n in match.groups())


@boot_test
def probes_kallsyms(build_dir):
    """/proc/kallsyms in Linux's format, sorted, code and data; root sees the
    addresses, another user zeros; a module's symbols follow with [module]
    (functions and data), and go with rmmod."""
    with Shell(build_dir) as sh:
        head = run_ok(sh, "head -n 400 /proc/kallsyms")
        lines = KALLSYMS_LINE.findall(head)
        expect(len(lines) == len(head.splitlines()), f"lines not in Linux's format:\n{head[:2000]}")
        addresses = [int(a, 16) for a, _, _, _ in lines]
        expect(addresses == sorted(addresses), "/proc/kallsyms is not in address order")
        for name, types in [("start_kernel", "T"), ("kallsyms_lookup_name", "T"), ("sys_call_table", "D"),
                            ("jiffies", "BbDd")]:
            line = run_ok(sh, f"grep ' {name}$' /proc/kallsyms")
            match = KALLSYMS_LINE.match(line)
            expect(match and match.group(2) in types and int(match.group(1), 16) >= 0xc0000000,
                   f"/proc/kallsyms line of {name}:\n{line}")
        out = user_output(sh, "runas 1000 grep ' start_kernel$' /proc/kallsyms")
        expect(out == "00000000 T start_kernel", f"a user's view of start_kernel:\n{out}")

        run_ok(sh, f"insmod {MODULES}/kprobe_count.ko")
        mine = run_ok(sh, "grep '\\[kprobe_count\\]' /proc/kallsyms")
        for name, types in [("count_pre", "t"), ("kprobe_count_show", "t"), ("kp", "bd"), ("pre_calls", "bd"),
                            ("__this_module", "D")]:
            expect(re.search(rf"^[0-9a-f]{{8}} [{types}] {name}\t\[kprobe_count\]$", mine, re.M),
                   f"/proc/kallsyms lacks {name} of kprobe_count:\n{mine}")
        # The probe landed where /proc/kallsyms says sys_sync is.
        planted = sh.run("dmesg | grep 'planted kprobe'")
        match = re.search(r"planted kprobe at sys_sync\+0x0/0x[0-9a-f]+ \(([0-9a-f]{8})\)", planted)
        expect(match, f"kprobe_count's message:\n{planted}")
        expect(int(match.group(1), 16) == kallsyms_address(sh, "sys_sync"),
               f"the kprobe and /proc/kallsyms disagree on sys_sync:\n{planted}")
        run_ok(sh, "rmmod kprobe_count")
        gone = user_output(sh, "grep -c '\\[kprobe_count\\]' /proc/kallsyms")
        expect(gone == "0", f"kprobe_count's symbols outlived rmmod: {gone}")
        expect_no_trouble(sh)


@boot_test
def probes_kprobe_count(build_dir):
    """A kprobe on sys_sync counts each sync (pre and post handlers, ip just
    past the int3) and sync still works; rmmod removes it; by address, a
    kprobe on sys_kill sees its first argument; a missing symbol, a place
    inside a function and a data address are refused with Linux's errors."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/kprobe_count.ko")
        expect(kprobe_counts(sh) == (0, 0, 0, 0), "calls counted before any sync")
        for _ in range(3):
            run_ok(sh, "sync")
        expect(kprobe_counts(sh) == (3, 3, 0, 0), f"after three syncs: {kprobe_counts(sh)}")
        run_ok(sh, "rmmod kprobe_count")
        log = sh.run("dmesg | tail -n 5")
        expect("unregistered after 3 calls" in log, f"rmmod's message:\n{log}")
        run_ok(sh, "sync")   # the original instruction is back

        kill = kallsyms_address(sh, "sys_kill")
        run_ok(sh, f"insmod {MODULES}/kprobe_count.ko addr=0x{kill:x}")
        shell_pid = user_output(sh, "echo $$")
        run_ok(sh, "kill -0 $$")
        text = run_ok(sh, "cat /proc/kprobe_count")
        expect(re.search(r"^sys_kill\+0x0/0x[0-9a-f]+ at [0-9a-f]{8}: 1 calls \(1 post, 0 missed, 0 wrong ip\)$",
                         text, re.M), f"/proc/kprobe_count for sys_kill:\n{text}")
        expect(f"last first argument: {shell_pid}" in text, f"sys_kill's pid argument (shell {shell_pid}):\n{text}")
        run_ok(sh, "rmmod kprobe_count")

        for args, error in [("symbol=no_such_function", -2), (f"addr=0x{kill + 1:x}", -84),
                            (f"addr=0x{kallsyms_address(sh, 'sys_call_table'):x}", -22)]:
            out = sh.run(f"insmod {MODULES}/kprobe_count.ko {args}; echo status=$?")
            expect("status=0" not in out, f"insmod kprobe_count {args} succeeded:\n{out}")
            log = sh.run("dmesg | tail -n 3")
            expect(f"register_kprobe failed, returned {error}" in log, f"kprobe_count {args}:\n{log}")
        expect_no_trouble(sh)


@boot_test
def probes_syscall_spy(build_dir):
    """syscall_spy finds kallsyms_lookup_name with a kprobe, sys_call_table
    with it, and logs the openat calls of uid 1000 only; rmmod restores the
    entry, after which nothing is logged."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/syscall_spy.ko uid=1000")
        log = sh.run("dmesg | grep syscall_spy")
        lookup = kallsyms_address(sh, "kallsyms_lookup_name")
        table = kallsyms_address(sh, "sys_call_table")
        expect(f"kallsyms_lookup_name is at {lookup:08x}" in log, f"the kprobe's address:\n{log}")
        expect(f"sys_call_table at {table:08x}, spying on uid 1000" in log, f"the table's address:\n{log}")
        run_ok(sh, "cat /etc/passwd > /dev/null")
        run_ok(sh, "runas 1000 cat /etc/group > /dev/null")
        log = sh.run("dmesg | grep 'syscall_spy: uid'")
        expect("syscall_spy: uid 1000 opened /etc/group" in log, f"the user's open was not logged:\n{log}")
        expect("/etc/passwd" not in log, f"root's open was logged:\n{log}")
        run_ok(sh, "rmmod syscall_spy")
        expect("openat restored" in sh.run("dmesg | tail -n 3"), "rmmod did not restore openat")
        run_ok(sh, "runas 1000 cat /etc/hostname > /dev/null")
        log = sh.run("dmesg | grep 'syscall_spy: uid'")
        expect("/etc/hostname" not in log, f"an open was logged after rmmod:\n{log}")
        expect_no_trouble(sh)


@boot_test
def probes_static_branch(build_dir):
    """static_branch's key starts off (reads "disabled", only the fast path
    runs); echo enable turns on the slow path, echo disable off again; other
    words are refused."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/static_branch.ko")
        expect(run_ok(sh, "cat /dev/static_branch") == "disabled", "the key did not start disabled")
        run_ok(sh, "echo enable > /dev/static_branch")
        expect(run_ok(sh, "cat /dev/static_branch") == "enabled", "echo enable did not enable the key")
        run_ok(sh, "cat /dev/static_branch")
        run_ok(sh, "echo disable > /dev/static_branch")
        expect(run_ok(sh, "cat /dev/static_branch") == "disabled", "echo disable did not disable the key")
        # Six opens: four cats and the two echos' redirections; the slow path
        # ran at the three while the key was on (two cats, echo disable).
        log = sh.run("dmesg | grep 'static_branch:'")
        expect(log.count("fast path") == 6, f"the fast path should run at each of 6 opens:\n{log}")
        slow = re.findall(r"slow path \(run (\d+)\)", log)
        expect(slow == ["1", "2", "3"], f"the slow path should run at the 3 opens while enabled: {slow}\n{log}")
        out = sh.run("echo sideways > /dev/static_branch; echo status=$?")
        expect("status=0" not in out, f"a bad command was accepted:\n{out}")
        run_ok(sh, "rmmod static_branch")
        expect_no_trouble(sh)


@boot_test
def probes_mq_ramdisk(build_dir):
    """insmod mq_ramdisk gives a 4 MB /dev/mqram served by blk-mq; mkfs.ext2,
    mount, write 600 KB, umount, mount again: the file reads back the same;
    requests moved whole segments (larger than a sector); rmmod and insmod
    give an empty disk."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/mq_ramdisk.ko nsectors=8192")
        listing = run_ok(sh, "fdisk -l /dev/mqram")
        expect("Disk /dev/mqram: 4 MiB, 4194304 bytes, 8192 sectors" in listing, f"fdisk -l:\n{listing}")
        parts = run_ok(sh, "cat /proc/partitions")
        expect(re.search(r"\s4096 mqram$", parts, re.M), f"/proc/partitions lacks mqram:\n{parts}")
        out = run_ok(sh, "mkfs.ext2 /dev/mqram", timeout=120)
        expect("Creating filesystem with 4096 1k blocks" in out, f"mkfs.ext2:\n{out}")
        run_ok(sh, "mkdir -p /mnt/mq && mount -t ext2 /dev/mqram /mnt/mq")
        run_ok(sh, "dd if=/dev/urandom of=/tmp/data bs=1k count=600 2>/dev/null")
        run_ok(sh, "cp /tmp/data /mnt/mq/data && mkdir /mnt/mq/dir && echo hello > /mnt/mq/dir/note")
        run_ok(sh, "umount /mnt/mq")
        run_ok(sh, "mount /dev/mqram /mnt/mq")
        run_ok(sh, "cmp /tmp/data /mnt/mq/data")
        expect(run_ok(sh, "cat /mnt/mq/dir/note") == "hello", "the note did not survive umount/mount")
        run_ok(sh, "umount /mnt/mq")
        run_ok(sh, "rmmod mq_ramdisk")
        log = sh.run("dmesg | grep 'mqram: served'")
        match = re.search(r"served (\d+) requests in (\d+) segments, the largest (\d+) bytes \(16 requests prepared\)",
                          log)
        expect(match, f"mq_ramdisk's summary:\n{log}")
        requests, segments, largest = (int(n) for n in match.groups())
        expect(requests > 100 and segments >= requests and largest >= 1024,
               f"requests {requests}, segments {segments}, largest {largest}")
        run_ok(sh, f"insmod {MODULES}/mq_ramdisk.ko nsectors=8192")
        out = sh.run("mount -t ext2 /dev/mqram /mnt/mq; echo status=$?")
        expect("status=0" not in out, f"the new disk still had a file system:\n{out}")
        run_ok(sh, "rmmod mq_ramdisk")
        out = sh.run("test -e /dev/mqram; echo $?").strip()
        expect(out.endswith("1"), "/dev/mqram outlived rmmod")
        expect_no_trouble(sh)
