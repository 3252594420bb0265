"""Boot tests of the procfs API of modules, both generations the module guide
teaches: the 2.6 create_proc_entry with read_proc/write_proc and a proc_iops
permission check (drivers/samples/procfs_legacy), and Linux 5.6+'s proc_ops
with seq_file (drivers/samples/procfs_seq). Typed at the shell as root and as
uid 1000; files longer than a page are read whole and in small pieces."""

import hashlib

from registry import boot_test, expect
from shell import Shell
from checks import expect_no_trouble, run_ok, status, user_output as out

MODULES = "/lib/modules"
LEGACY_LINES = "".join(f"line {i:04d}\n" for i in range(2000))


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def guest_md5(sh, command):
    """The md5 of what `command` writes to stdout, computed in the guest."""
    text = out(sh, f"{command} | md5sum", timeout=120)
    return text.split()[0] if text else ""


def quiet_console(sh):
    """The modules' messages go to dmesg only, not between the bytes a read prints."""
    run_ok(sh, "dmesg -n 1")


def dmesg_has(sh, text):
    return out(sh, f"dmesg | grep -F -c '{text}'") not in ("", "0")


def no_unknown_syscalls(sh):
    log = out(sh, "dmesg | grep 'unknown system call'")
    expect(log == "", f"unknown system calls were made:\n{log}")


def used_by(sh, name):
    for line in out(sh, "lsmod").splitlines():
        fields = line.split()
        if fields and fields[0] == name:
            return fields[2]
    return None


def denied(sh, command):
    """`command` as uid 1000 must fail with EACCES."""
    text = out(sh, f"runas 1000 sh -c '{command}'")
    code = status(sh)
    expect(code != "0" and "Permission denied" in text, f"uid 1000 ran `{command}` (exit {code}):\n{text}")


@boot_test
def procfs_api_legacy(build_dir):
    """create_proc_entry (parent &proc_root and NULL): mode, uid and size set on the
    entry afterwards show in ls; read_proc/write_proc with echo and cat, the
    module's messages in dmesg; a 20000-byte read_proc file (*start = page) read
    whole and in 7-byte pieces; proc_fops + proc_iops: rw-rw-rw- on the file,
    but .permission lets uid 1000 read and not write; an open file pins the
    module; rmmod removes every name."""
    with Shell(build_dir) as sh:
        quiet_console(sh)
        run_ok(sh, f"insmod {MODULES}/procfs_legacy.ko")
        for name in ("legacy_note", "legacy_lines", "legacy_guard"):
            expect(dmesg_has(sh, f"/proc/{name} created"), f"dmesg lacks '/proc/{name} created'")

        # Set after create_proc_entry(0644): the entry's fields are what ls shows.
        expect(out(sh, "stat -c '%A %s %u %g' /proc/legacy_note") == "-rw-rw-rw- 1024 0 0",
               f"/proc/legacy_note:\n{out(sh, 'ls -l /proc/legacy_note')}")
        expect(out(sh, "stat -c '%A %s' /proc/legacy_lines") == "-r--r--r-- 20000", "mode 0444 or size of legacy_lines")

        expect(out(sh, "cat /proc/legacy_note") == "", "the note is not empty at first")
        expect(dmesg_has(sh, "note_read (/proc/legacy_note) called"), "read_proc was not called")
        run_ok(sh, "echo hello note > /proc/legacy_note")
        expect(dmesg_has(sh, "note_write (/proc/legacy_note): 11 bytes"), "write_proc did not get the 11 bytes")
        expect(out(sh, "cat /proc/legacy_note") == "hello note", "cat does not give back what was written")
        expect(out(sh, "dd if=/proc/legacy_note bs=3 2>/dev/null") == "hello note",
               "3-byte reads of read_proc's file (*start NULL) lose data")

        # Longer than one read_proc call may fill: several calls, each at its offset.
        expect(out(sh, "wc -c < /proc/legacy_lines") == "20000", "legacy_lines is not 20000 bytes long")
        expect(out(sh, "sed -n 1500p /proc/legacy_lines") == "line 1499", "line 1500 of legacy_lines")
        want = md5(LEGACY_LINES)
        expect(guest_md5(sh, "cat /proc/legacy_lines") == want, "cat /proc/legacy_lines gives other bytes")
        expect(guest_md5(sh, "dd if=/proc/legacy_lines bs=7 2>/dev/null") == want, "7-byte reads give other bytes")
        expect(guest_md5(sh, "dd if=/proc/legacy_lines bs=8192 2>/dev/null") == want, "8 KiB reads give other bytes")

        # proc_iops' permission, not the mode bits, decides.
        expect(out(sh, "stat -c '%A %s' /proc/legacy_guard") == "-rw-rw-rw- 80", "mode or size of legacy_guard")
        run_ok(sh, "echo root text > /proc/legacy_guard")
        expect(dmesg_has(sh, "guard_write: write 10 bytes"), "dmesg lacks 'guard_write: write 10 bytes'")
        expect(out(sh, "cat /proc/legacy_guard") == "root text", "root cannot read back what root wrote")
        expect(dmesg_has(sh, "guard_read: read 10 bytes"), "dmesg lacks 'guard_read: read 10 bytes'")
        expect(out(sh, "runas 1000 cat /proc/legacy_guard") == "root text", "uid 1000 may not read legacy_guard")
        denied(sh, "echo user text > /proc/legacy_guard")
        expect(dmesg_has(sh, "guard_permission: op 2 denied to uid 1000"), "the permission hook was not asked")
        expect(out(sh, "cat /proc/legacy_guard") == "root text", "uid 1000's write got through")

        # proc_fops' open/release: try_module_get while the file is open.
        sh.run("exec 3< /proc/legacy_guard")
        expect(used_by(sh, "procfs_legacy") == "1", f"an open file does not pin the module:\n{out(sh, 'lsmod')}")
        sh.run("exec 3<&-")
        expect(used_by(sh, "procfs_legacy") == "0", "closing the file does not release the module")

        run_ok(sh, "rmmod procfs_legacy")
        expect(dmesg_has(sh, "/proc/legacy_note, /proc/legacy_lines and /proc/legacy_guard removed"),
               "dmesg lacks the removal message")
        expect(out(sh, "ls /proc | grep -c legacy_") == "0", "/proc/legacy_* are still listed")
        sh.run("cat /proc/legacy_note")
        expect(status(sh) != "0", "/proc/legacy_note can still be read after rmmod")
        no_unknown_syscalls(sh)
        expect_no_trouble(sh)


@boot_test
def procfs_api_proc_ops(build_dir):
    """proc_mkdir + proc_create_data with struct proc_ops: single_open shows the
    setting from pde_data, proc_write changes it (kstrtouint_from_user: a bad
    number is EINVAL); a seq_operations file of 5000 lines (over 100 KB) read
    whole, in 100-byte and 4 KiB pieces; proc_set_user shows in stat; uid 1000
    may read the 0644 file but not write it; proc_remove takes the directory."""
    with Shell(build_dir) as sh:
        quiet_console(sh)
        run_ok(sh, f"insmod {MODULES}/procfs_seq.ko")
        expect(dmesg_has(sh, "/proc/procfs_seq created"), "dmesg lacks '/proc/procfs_seq created'")
        expect(out(sh, "stat -c '%A' /proc/procfs_seq") == "dr-xr-xr-x", "proc_mkdir's mode")
        expect(out(sh, "stat -c '%A %u %g' /proc/procfs_seq/squares") == "-r--r--r-- 1000 1000",
               "proc_set_user or the mode of squares")
        expect(out(sh, "stat -c '%A %u' /proc/procfs_seq/limit") == "-rw-r--r-- 0", "mode of limit")

        expect(out(sh, "cat /proc/procfs_seq/limit") == "limit 10", "single_open's text")
        squares = out(sh, "cat /proc/procfs_seq/squares").splitlines()
        expect(squares == [f"{i} squared is {i * i}" for i in range(10)], f"10 squares:\n{squares}")

        run_ok(sh, "echo 5000 > /proc/procfs_seq/limit")
        expect(dmesg_has(sh, "procfs_seq: limit set to 5000"), "proc_write did not set the limit")
        expect(out(sh, "cat /proc/procfs_seq/limit") == "limit 5000", "limit after the write")
        want_text = "".join(f"{i} squared is {i * i}\n" for i in range(5000))
        want = md5(want_text)
        expect(len(want_text) > 100000, "the test's file is not large")
        expect(out(sh, "wc -l < /proc/procfs_seq/squares") == "5000", "squares has not 5000 lines")
        expect(out(sh, "tail -n 1 /proc/procfs_seq/squares") == "4999 squared is 24990001", "the last square")
        expect(guest_md5(sh, "cat /proc/procfs_seq/squares") == want, "cat of squares gives other bytes")
        expect(guest_md5(sh, "dd if=/proc/procfs_seq/squares bs=100 2>/dev/null") == want,
               "100-byte reads of squares give other bytes")
        expect(guest_md5(sh, "dd if=/proc/procfs_seq/squares bs=4096 2>/dev/null") == want,
               "4 KiB reads of squares give other bytes")
        expect(out(sh, "dd if=/proc/procfs_seq/squares bs=1 skip=100000 count=20 2>/dev/null; echo")
               == want_text[100000:100020].strip(), "a read after seeking (seq_lseek) gives other bytes")

        text = out(sh, "echo many > /proc/procfs_seq/limit")
        expect(status(sh) != "0" and "Invalid argument" in text, f"a bad number was taken:\n{text}")
        expect(out(sh, "runas 1000 cat /proc/procfs_seq/limit") == "limit 5000", "uid 1000 may not read limit")
        denied(sh, "echo 3 > /proc/procfs_seq/limit")
        expect(out(sh, "cat /proc/procfs_seq/limit") == "limit 5000", "the limit changed without a good write")

        run_ok(sh, "rmmod procfs_seq")
        expect(dmesg_has(sh, "/proc/procfs_seq removed"), "dmesg lacks '/proc/procfs_seq removed'")
        sh.run("ls /proc/procfs_seq")
        expect(status(sh) != "0", "/proc/procfs_seq is still there after rmmod")
        no_unknown_syscalls(sh)
        expect_no_trouble(sh)
