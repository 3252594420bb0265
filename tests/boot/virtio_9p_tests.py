"""Boot tests of the host folder: virtio-9p (QEMU -virtfs) and the 9P2000.L
client. Each boot shares a fresh temporary folder with mount tag "host", which
init mounts at /mnt/host; the tests type at the shell and look at the folder
from the host side too."""

import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from registry import boot_test, expect
from shell import Shell

KERNEL_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] .*\n?", re.M)
MOUNTED = "init: mounted the host folder (9p tag host) on /mnt/host"
OOPS = ("Oops", "BUG:", "Kernel panic", "general protection")


def virtfs_args(folder, tag="host"):
    return ["-virtfs", f"local,path={folder},mount_tag={tag},security_model=none,id={tag}"]


def user_output(sh, command, timeout=60):
    return KERNEL_LINE.sub("", sh.run(command, timeout=timeout)).strip()


def status(sh):
    return user_output(sh, "echo $?")


def md5_of(path):
    digest = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expect_no_oops(sh):
    text = sh.output()
    for word in OOPS:
        expect(word not in text, f"the kernel said {word!r}")


class Share:
    """A temporary host folder, removed afterwards."""

    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="kernlab-9p-")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
        return False

    def file(self, name):
        return os.path.join(self.path, name)


@boot_test
def virtio_9p_files(build_dir):
    """The boot mounts the host folder at /mnt/host. A host file reads in the
    guest, a guest write shows on the host (dmesg > /mnt/host/log.txt), a host
    edit made while mounted shows in the guest; cp, ls -l, stat, mkdir, mv, rm,
    rmdir, ln -s and df work; a server error (rmdir of a non-empty directory)
    is an errno and a log line."""
    with Share() as share:
        with open(share.file("from-host.txt"), "w") as f:
            f.write("written on the host\n")
        with Shell(build_dir, extra_args=virtfs_args(share.path)) as sh:
            expect(MOUNTED in sh.output(), "init did not mount the host folder")
            mounts = user_output(sh, "grep 9p /proc/mounts")
            expect(re.search(r"^host /mnt/host 9p ", mounts, re.M), f"/proc/mounts:\n{mounts}")
            expect(user_output(sh, "cat /mnt/host/from-host.txt") == "written on the host", "host file not read")
            # Replies come by interrupt (PCI INTx through the 8259), not by polling.
            irq = re.search(r"^\s*(\d+):\s+(\d+)\s+XT-PIC\s+.*virtio-9p", user_output(sh, "cat /proc/interrupts"), re.M)
            expect(irq and int(irq.group(2)) > 0, "no virtio-9p interrupts counted in /proc/interrupts")

            sh.run("dmesg > /mnt/host/log.txt")
            with open(share.file("log.txt")) as f:
                log = f.read()
            expect("9pnet_virtio:" in log and "Run /sbin/init" in log, f"log.txt on the host:\n{log[:500]}")

            with open(share.file("from-host.txt"), "a") as f:
                f.write("second line\n")
            expect(user_output(sh, "tail -n 1 /mnt/host/from-host.txt") == "second line",
                   "an edit on the host did not show in the guest")

            sh.run("mkdir /mnt/host/dir && cp /mnt/host/from-host.txt /mnt/host/dir/copy.txt")
            expect(status(sh) == "0", "mkdir/cp failed")
            with open(share.file("dir/copy.txt")) as f:
                expect(f.read() == "written on the host\nsecond line\n", "cp's copy differs on the host")
            listing = user_output(sh, "ls -l /mnt/host/dir")
            expect(re.search(r"^-rw-r--r-- +1 +\S+ +\S+ +32 .* copy\.txt$", listing, re.M), f"ls -l:\n{listing}")
            stat = user_output(sh, "stat -c '%s %F %a' /mnt/host/dir /mnt/host/dir/copy.txt")
            expect(stat.splitlines() == [f"{os.stat(share.file('dir')).st_size} directory 755", "32 regular file 644"],
                   f"stat:\n{stat}")

            sh.run("mv /mnt/host/dir/copy.txt /mnt/host/moved.txt")
            expect(status(sh) == "0", "mv failed")
            expect(os.path.exists(share.file("moved.txt")) and not os.path.exists(share.file("dir/copy.txt")),
                   "mv did not move the file on the host")
            expect(user_output(sh, "cat /mnt/host/moved.txt | head -n 1") == "written on the host", "moved file")
            sh.run("ln -s moved.txt /mnt/host/link && chmod 600 /mnt/host/moved.txt")
            expect(os.readlink(share.file("link")) == "moved.txt", "symlink not on the host")
            expect(oct(os.stat(share.file("moved.txt")).st_mode & 0o777) == "0o600", "chmod did not reach the host")
            expect(user_output(sh, "readlink /mnt/host/link") == "moved.txt", "readlink")

            # A server error: the host's rmdir says ENOTEMPTY.
            sh.run("touch /mnt/host/dir/keep")
            out = user_output(sh, "rmdir /mnt/host/dir; echo rc=$?")
            expect("Directory not empty" in out and "rc=1" in out, f"rmdir of a full directory:\n{out}")
            expect("9p: host: Tunlinkat: server error ENOTEMPTY (39)" in sh.run("dmesg | tail -n 3"),
                   "no log line for the server's error")

            sh.run("rm /mnt/host/dir/keep /mnt/host/moved.txt /mnt/host/link && rmdir /mnt/host/dir")
            expect(status(sh) == "0", "rm/rmdir failed")
            expect(sorted(os.listdir(share.path)) == ["from-host.txt", "log.txt"],
                   f"left on the host: {os.listdir(share.path)}")
            df = user_output(sh, "df /mnt/host")
            expect(re.search(r"^host +\d+ +\d+ +\d+ +\d+% /mnt/host$", df, re.M), f"df:\n{df}")
            sh.run("cd / && umount /mnt/host")
            expect(status(sh) == "0", "umount failed")
            expect_no_oops(sh)


@boot_test
def virtio_9p_large_file(build_dir):
    """A 64 MiB file has the same md5sum in the guest as on the host, and a
    64 MiB file the guest writes (cp, and dd of its own data) has the same on
    the host."""
    with Share() as share:
        big = share.file("big.bin")
        with open(big, "wb") as f:
            f.write(os.urandom(64 << 20))
        host_sum = md5_of(big)
        with Shell(build_dir, extra_args=virtfs_args(share.path)) as sh:
            out = user_output(sh, "md5sum /mnt/host/big.bin", timeout=300)
            expect(out.split()[0] == host_sum, f"guest md5sum {out} != host {host_sum}")
            sh.run("cp /mnt/host/big.bin /mnt/host/copy.bin", timeout=300)
            expect(status(sh) == "0", "cp of 64 MiB failed")
            expect(md5_of(share.file("copy.bin")) == host_sum, "the guest's copy differs on the host")
            out = user_output(sh, "dd if=/dev/zero bs=1M count=64 | tr '\\000' 'k' > /mnt/host/k.bin; "
                                  "md5sum /mnt/host/k.bin", timeout=300)
            expected = hashlib.md5(b"k" * (64 << 20)).hexdigest()
            expect(out.split()[-2] == expected, f"guest md5 of what it wrote: {out}")
            expect(md5_of(share.file("k.bin")) == expected, "the guest's 64 MiB write differs on the host")
            expect(os.path.getsize(share.file("k.bin")) == 64 << 20, "size on the host")
            expect_no_oops(sh)


def build_module(build_dir, folder):
    kit = os.path.join(os.path.abspath(build_dir), "module-kit")
    result = subprocess.run(["make", "-C", kit, f"M={folder}", "modules"], capture_output=True, text=True)
    expect(result.returncode == 0, f"module build failed:\n{result.stdout}\n{result.stderr}")


@boot_test
def virtio_9p_module_loop(build_dir):
    """The loop of the README with QEMU running: build hello.ko in the shared
    folder on the host with the module kit, insmod it from /mnt/host, dmesg,
    rmmod; change the message, rebuild, load again: the new message shows."""
    here = os.path.dirname(os.path.abspath(__file__))
    sample = os.path.join(here, "..", "..", "drivers", "samples", "hello")
    with Share() as share:
        folder = share.file("hello")
        shutil.copytree(sample, folder)
        build_module(build_dir, folder)
        with Shell(build_dir, extra_args=virtfs_args(share.path)) as sh:
            out = sh.run("insmod /mnt/host/hello/hello.ko")
            expect(status(sh) == "0", f"insmod from /mnt/host failed:\n{out}")
            expect("Hello, world!" in sh.run("dmesg | tail -n 2"), "no greeting")
            sh.run("rmmod hello")
            expect(status(sh) == "0", "rmmod failed")
            source = os.path.join(folder, "hello.c")
            with open(source) as f:
                text = f.read()
            with open(source, "w") as f:
                f.write(text.replace("Hello, world!", "Hello again, edited on the host!"))
            build_module(build_dir, folder)
            sh.run("insmod /mnt/host/hello/hello.ko")
            expect(status(sh) == "0", "the rebuilt module did not load")
            expect("Hello again, edited on the host!" in sh.run("dmesg | tail -n 2"), "the new message is missing")
            sh.run("rmmod hello")
            expect("Goodbye, world!" in sh.run("dmesg | tail -n 1"), "rmmod of the rebuilt module")
            expect_no_oops(sh)


@boot_test
def virtio_9p_errors(build_dir):
    """Errors, not crashes: QEMU without -virtfs (init stays silent, a manual
    mount gives ENOENT and a log line), a wrong tag, bad options, the same tag
    twice, and the host folder removed while mounted (ENOENT, a log line, no
    oops; umount works after)."""
    with Shell(build_dir) as sh:
        expect("9p" not in KERNEL_LINE.sub("", sh.output()).replace("9pnet", ""), "init said something about 9p")
        out = user_output(sh, "mount -t 9p -o trans=virtio,version=9p2000.L host /mnt/host; echo rc=$?")
        expect("No such file or directory" in out and "rc=0" not in out, f"mount without -virtfs:\n{out}")
        expect("9pnet_virtio: no channels available for device host" in sh.run("dmesg | tail -n 3"),
               "no log line for the missing device")
        expect_no_oops(sh)
    with Share() as share:
        with open(share.file("a.txt"), "w") as f:
            f.write("a\n")
        with Shell(build_dir, extra_args=virtfs_args(share.path)) as sh:
            out = sh.run("mkdir -p /mnt/other; mount -t 9p -o trans=virtio wrongtag /mnt/other; echo rc=$?")
            expect("9pnet_virtio: no channels available for device wrongtag" in out, f"wrong tag:\n{out}")
            expect("No such file or directory" in out, f"wrong tag errno:\n{out}")
            out = sh.run("mount -t 9p -o trans=tcp host /mnt/other; echo rc=$?")
            expect("Invalid argument" in out and "Could not find request transport: tcp" in out, f"trans=tcp:\n{out}")
            out = sh.run("mount -t 9p -o version=9p2000.u host /mnt/other; echo rc=$?")
            expect("Invalid argument" in out and "not supported" in out, f"version=9p2000.u:\n{out}")
            out = user_output(sh, "mount -t 9p host /mnt/other; echo rc=$?")
            expect("Resource busy" in out or "busy" in out.lower(), f"a second mount of the tag:\n{out}")

            expect(user_output(sh, "cat /mnt/host/a.txt") == "a", "share not readable before the removal")
            shutil.rmtree(share.path)
            # QEMU holds the shared folder open: like a removed directory on
            # Linux, it lists as empty, and nothing in it or made in it exists.
            out = user_output(sh, "ls -a /mnt/host; echo rc=$?")
            expect("a.txt" not in out, f"ls of the removed folder:\n{out}")
            out = user_output(sh, "cat /mnt/host/a.txt; echo rc=$?")
            expect("No such file or directory" in out and "rc=1" in out, f"cat of a removed file:\n{out}")
            out = sh.run("echo x > /mnt/host/new.txt; echo rc=$?")
            expect("rc=1" in out or "rc=2" in out, f"write into the removed folder:\n{out}")
            expect("9p: host: Tlcreate: server error ENOENT (2)" in out, f"no log line for the failed create:\n{out}")
            out = user_output(sh, "mkdir /mnt/host/d; echo rc=$?")
            expect("No such file or directory" in out and "rc=1" in out, f"mkdir in the removed folder:\n{out}")
            sh.run("umount /mnt/host")
            expect(status(sh) == "0", "umount after the removal failed")
            expect("/mnt/host" not in user_output(sh, "cat /proc/mounts"), "still mounted")
            expect_no_oops(sh)
