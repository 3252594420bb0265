"""Boot tests of the file-system system calls busybox and glibc use: FIFOs and
device nodes (mknod), files with holes on ramfs and ext2, statx, sendfile, the
*at calls, and select/poll sleeping without burning the CPU. The commands are
busybox applets typed at the shell, plus /bin/fstest (user/tests/fstest.c) for
what no applet reaches (exact errno values, bad pointers, signal masks)."""

import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from registry import boot_test, expect
from shell import Shell
from checks import interrupt, run_ok, status, user_output as out


def fstest(sh, args, timeout=120):
    """Runs fstest ARGS: every check must print ok, none FAIL, exit 0."""
    text = out(sh, f"fstest {args}", timeout)
    code = status(sh)
    expect("FAIL" not in text and code == "0", f"fstest {args} (exit {code}):\n{text}")
    return text


def no_unknown_syscalls(sh):
    log = out(sh, "dmesg | grep 'unknown system call'")
    expect(log == "", f"unknown system calls were made:\n{log}")


def chardev_major(sh):
    out(sh, "insmod /lib/modules/chardev.ko")
    line = out(sh, "grep chardev /proc/devices")
    match = re.search(r"(\d+) chardev", line)
    expect(match, f"chardev is not in /proc/devices:\n{line}")
    return int(match.group(1))


@boot_test
def fs_fifo_and_mknod(build_dir):
    """mkfifo with a reader and a writer; FIFO open rules; mknod of the chardev
    sample's major reaches the driver; EEXIST, ENOENT and EPERM as uid 1000."""
    with Shell(build_dir) as sh:
        run_ok(sh, "mkfifo /tmp/fifo")
        expect(out(sh, "ls -l /tmp/fifo").startswith("p"), "mkfifo did not make a FIFO")
        sh.run("cat /tmp/fifo > /tmp/got &")
        sh.run("sleep 1")
        expect(out(sh, "cat /tmp/got") == "", "the reader got data before any writer")
        run_ok(sh, "echo through the fifo > /tmp/fifo; wait")
        expect(out(sh, "cat /tmp/got") == "through the fifo", "the reader did not get the writer's line")
        fstest(sh, "fifo /tmp/fifo2")
        run_ok(sh, "runas 1000 mkfifo /tmp/userfifo")   # no privilege needed for a FIFO

        major = chardev_major(sh)
        run_ok(sh, f"mknod /tmp/chardev c {major} 0")
        expect(out(sh, "stat -c '%F %t:%T' /tmp/chardev") == f"character special file {major:x}:0",
               "the node's type or device number is wrong")
        expect(out(sh, "cat /tmp/chardev") == "I already told you 1 times Hello world!", "cat did not reach the driver")
        expect(out(sh, "cat /tmp/chardev") == "I already told you 2 times Hello world!", "the second cat")
        text = out(sh, f"mknod /tmp/chardev c {major} 0")
        expect("File exists" in text and status(sh) != "0", f"mknod over an existing name:\n{text}")
        text = out(sh, "mknod /nonexistent/node p")
        expect("No such file or directory" in text, f"mknod in a missing directory:\n{text}")
        text = out(sh, f"runas 1000 mknod /tmp/usernode c {major} 0")
        expect("Operation not permitted" in text, f"uid 1000 made a device node:\n{text}")
        run_ok(sh, "mknod /tmp/blockdev b 8 1")
        expect(out(sh, "stat -c '%F %t:%T' /tmp/blockdev") == "block special file 8:1", "the block node")
        # A device number past 8 bits of minor (new_encode_dev's upper minor bits).
        run_ok(sh, "mknod /tmp/bigminor c 200 300")
        expect(out(sh, "stat -c '%t:%T' /tmp/bigminor") == "c8:12c", "major 200 minor 300 did not round-trip")
        text = fstest(sh, "statx /tmp/bigminor")
        expect("rdev=200:300" in text, f"statx's rdev:\n{text}")
        run_ok(sh, "mknod /tmp/regular p && rm /tmp/regular")
        no_unknown_syscalls(sh)


@boot_test
def fs_sparse_ramfs(build_dir):
    """dd seek= past the end of a ramfs file leaves a hole: the size counts it,
    st_blocks does not, it reads as zeros; truncate grows and shrinks; fallocate
    allocates; a large hole reads no slower than /dev/zero."""
    with Shell(build_dir) as sh:
        run_ok(sh, "dd if=/dev/zero of=/tmp/sparse bs=512 seek=10k count=1")
        expect(out(sh, "stat -c '%s %b' /tmp/sparse") == "5243392 8", "size and blocks of the dd file")
        run_ok(sh, "echo tail >> /tmp/sparse")
        expected = hashlib.md5(bytes(5243392) + b"tail\n").hexdigest()
        expect(out(sh, "md5sum /tmp/sparse").split()[0] == expected, "the file with a hole reads wrong")
        expect(out(sh, "od -An -c -j 5243392 /tmp/sparse").split() == ["t", "a", "i", "l", "\\n"], "the tail")
        expect(out(sh, "ls -ls /tmp/sparse").split()[0] == "4", "ls -s should count one 4 KiB page")
        run_ok(sh, "truncate -s 100M /tmp/big")
        expect(out(sh, "stat -c '%s %b' /tmp/big") == "104857600 0", "truncate -s made blocks")
        run_ok(sh, "truncate -s 4096 /tmp/sparse")
        expect(out(sh, "stat -c '%s %b' /tmp/sparse") == "4096 0", "shrinking freed nothing")
        run_ok(sh, "fallocate -l 1M /tmp/alloc")
        expect(out(sh, "stat -c '%s %b' /tmp/alloc") == "1048576 2048", "fallocate")
        fstest(sh, "hole /tmp/hole")
        fstest(sh, "readspeed /tmp/readspeed 32", timeout=180)
        no_unknown_syscalls(sh)


@boot_test
def fs_statx_sendfile_at(build_dir):
    """statx on files, devices, /proc and symlinks; sendfile between files, to
    a pipe, /dev/null and the terminal; the *at calls as root and uid 1000;
    the new fd calls on a pipe, a device and a /proc file; bad pointers are EFAULT."""
    with Shell(build_dir) as sh:
        run_ok(sh, "echo hello > /tmp/file && ln -s /tmp/file /tmp/link")
        for path in ["/tmp/file", "/tmp/link", "/dev/null", "/proc/version", "/tmp", "/"]:
            fstest(sh, f"statx {path}")
        expect("mode=120777" in fstest(sh, "statx /tmp/link"), "statx followed the symlink")

        size = out(sh, "stat -c %s /bin/busybox")
        run_ok(sh, "cat /bin/busybox > /tmp/bb.cat")   # busybox cat copies with sendfile
        fstest(sh, "sendfile /bin/busybox /tmp/bb.sendfile")
        sums = out(sh, "md5sum /bin/busybox /tmp/bb.cat /tmp/bb.sendfile").split()
        expect(sums[0] == sums[2] == sums[4], f"the copies differ:\n{sums}")
        expect(out(sh, "fstest sendfile /bin/busybox - 1000 2>/dev/null | wc -c") == str(int(size) - 1000),
               "sendfile to a pipe from an offset")
        expect(out(sh, "fstest sendfile /proc/version -").startswith("Linux version"), "sendfile to the terminal")
        fstest(sh, "sendfile /bin/busybox /dev/null 7")

        run_ok(sh, "mkdir /tmp/at")
        fstest(sh, "at /tmp/at")
        run_ok(sh, "runas 1000 mkdir /tmp/at1000")
        fstest(sh, "at /tmp/at1000")   # as root in a directory of uid 1000
        run_ok(sh, "mkdir /tmp/u && chown 1000:1000 /tmp/u")
        fstest(sh, "fds")
        fstest(sh, "efault")
        text = out(sh, "runas 1000 fstest at /tmp/u")
        expect("FAIL" not in text and "as uid 1000 is EPERM" in text, f"fstest at as uid 1000:\n{text}")
        text = out(sh, "runas 1000 fstest fds")
        expect("FAIL" not in text, f"fstest fds as uid 1000:\n{text}")
        text = out(sh, "runas 1000 fstest efault")
        expect("FAIL" not in text, f"fstest efault as uid 1000:\n{text}")
        listing = out(sh, "fstest getdents /")
        expect(re.search(r"^bin type=4 ino=\d+$", listing, re.M) and re.search(r"^\.\. type=4", listing, re.M),
               f"getdents (141) of /:\n{listing}")
        no_unknown_syscalls(sh)


@boot_test
def fs_select_sleeps(build_dir):
    """select/poll/ppoll/pselect6 with no fds and a time-out sleep (no CPU
    burnt, issue 11); pselect6 and ppoll apply their signal mask only during the
    wait; a select sleep ends on Ctrl-C and on SIGKILL."""
    with Shell(build_dir) as sh:
        fstest(sh, "sleep 2000")
        fstest(sh, "sigmask")
        # Ctrl-C at the terminal ends a foreground select sleep.
        seconds, _ = interrupt(sh, "fstest sleep 60000", 3, 15)
        expect(seconds < 10, "Ctrl-C did not end the select sleep")
        # In the background it sleeps (state S), and SIGKILL ends it.
        sh.run("fstest sleep 60000 &")
        sh.run("sleep 1")
        state = out(sh, "grep State /proc/$!/status")
        expect("S (sleeping)" in state, f"a select sleep is not sleeping:\n{state}")
        load = out(sh, "cat /proc/loadavg")
        code = out(sh, "kill -9 $!; wait $!; echo status=$?")
        expect("status=137" in code, f"the sleeper was not killed by SIGKILL: {code} (loadavg {load})")
        no_unknown_syscalls(sh)


def host(*command, input_bytes=None):
    return subprocess.run(command, input=input_bytes, capture_output=True, check=False)


@boot_test
def fs_ext2_holes_and_nodes(build_dir):
    """On ext2 (1 KiB blocks): dd seek= allocates only the written blocks and the
    hole reads as zeros; truncate and fallocate; FIFOs and device nodes (the
    chardev sample reached through a node on disk). The host's e2fsck -fn finds
    the image clean and debugfs sees the holes and the nodes."""
    folder = tempfile.mkdtemp(prefix="kernlab-fs-")
    try:
        image = os.path.join(folder, "ext2.img")
        with open(image, "wb") as disk:
            disk.truncate(32 * 1024 * 1024)
        made = host("mke2fs", "-q", "-t", "ext2", "-b", "1024", "-F", image)
        expect(made.returncode == 0, f"mke2fs failed: {made.stderr.decode()}")
        drive = ["-drive", f"file={image},format=raw,if=ide"]
        with Shell(build_dir, extra_args=drive) as sh:
            run_ok(sh, "mount -t ext2 /dev/sda /mnt")
            run_ok(sh, "dd if=/dev/zero of=/mnt/sparse bs=512 seek=10k count=1")
            run_ok(sh, "echo tail >> /mnt/sparse")
            # One data block, one indirect and one double-indirect block: 3 KiB.
            expect(out(sh, "stat -c '%s %b' /mnt/sparse") == "5243397 6", "size and blocks on ext2")
            expected = hashlib.md5(bytes(5243392) + b"tail\n").hexdigest()
            expect(out(sh, "md5sum /mnt/sparse").split()[0] == expected, "the ext2 file with a hole reads wrong")
            run_ok(sh, "truncate -s 20M /mnt/big")
            expect(out(sh, "stat -c '%s %b' /mnt/big") == "20971520 0", "truncate -s allocated blocks")
            run_ok(sh, "fallocate -l 64k /mnt/alloc")
            expect(out(sh, "stat -c '%s %b' /mnt/alloc") == "65536 130", "fallocate 64 KiB (64 blocks + 1 indirect)")
            fstest(sh, "hole /mnt/hole")
            fstest(sh, "readspeed /mnt/readspeed 8", timeout=180)
            run_ok(sh, "mkfifo /mnt/fifo")
            sh.run("cat /mnt/fifo > /tmp/got &")
            run_ok(sh, "echo via ext2 > /mnt/fifo; wait")
            expect(out(sh, "cat /tmp/got") == "via ext2", "the FIFO on ext2")
            major = chardev_major(sh)
            run_ok(sh, f"mknod /mnt/chardev c {major} 0")
            expect(out(sh, "cat /mnt/chardev") == "I already told you 1 times Hello world!", "the node on ext2")
            run_ok(sh, "mknod /mnt/bigminor c 200 300 && mknod /mnt/disk b 8 0")
            run_ok(sh, "mkdir /mnt/at")
            fstest(sh, "at /mnt/at")
            run_ok(sh, "umount /mnt")
            sh.send("poweroff\r")
            sh.qemu.wait_exit(timeout=60)
        check = host("e2fsck", "-fn", image)
        expect(check.returncode == 0, f"e2fsck -fn found problems:\n{check.stdout.decode()}{check.stderr.decode()}")
        stat_sparse = host("debugfs", "-R", "stat /sparse", image).stdout.decode()
        expect(re.search(r"Blockcount: 6\b", stat_sparse), f"debugfs: the hole was allocated:\n{stat_sparse}")
        dumped = host("debugfs", "-R", "cat /sparse", image).stdout
        expect(dumped == bytes(5243392) + b"tail\n", "debugfs reads the sparse file differently")
        node = host("debugfs", "-R", "stat /bigminor", image).stdout.decode()
        expect("Type: character special" in node and re.search(r"Device major/minor number: 200:300", node),
               f"debugfs on the char node:\n{node}")
        fifo = host("debugfs", "-R", "stat /fifo", image).stdout.decode()
        expect("Type: FIFO" in fifo, f"debugfs on the FIFO:\n{fifo}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
