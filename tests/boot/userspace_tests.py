"""Boot tests of user space: kernlab boots to init and its shell, and the tests
type the commands a user would, over the serial console."""

import gzip
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "toolchain"))
import newc  # noqa: E402
from qemu import EXIT_PANIC, EXIT_SUCCESS, Qemu
from registry import boot_test, expect
from shell import Shell
from checks import interrupt


def lines(text):
    return [line for line in text.replace("\r", "").split("\n") if line.strip()]


@boot_test
def shell_commands(build_dir):
    """The commands of the user-space milestone work as on Linux."""
    with Shell(build_dir, append="hello_param=1") as sh:
        expect(sh.run("echo hello | cat").strip() == "hello", "echo hello | cat")

        listing = sh.run("ls -l /")
        for name in ["bin", "dev", "etc", "proc", "sbin", "tmp"]:
            expect(re.search(rf"^d[rwxstST-]{{9}}\s+\d+\s+root\s+root\s+\d+ \w{{3}} [ \d]\d [ \d\d:]+ {name}$", listing, re.M),
                   f"ls -l / has no Linux-style line for {name}:\n{listing}")

        devices = sh.run("ls /dev").split()
        for name in ["console", "tty", "ttyS0", "tty1", "null", "zero", "kmsg"]:
            expect(name in devices, f"/dev lacks {name}: {devices}")

        expect(sh.run("cat /proc/cmdline").strip() == "hello_param=1", "/proc/cmdline")
        expect(sh.run("mkdir /tmp/x && cd /tmp/x && echo 1 > f && cat f").strip() == "1", "mkdir, cd, > and cat")
        expect(sh.run("pwd").strip() == "/tmp/x", "cd did not change the directory")
        sh.run("cd /")

        ps = sh.run("ps")
        # busybox ps: PID, USER, COMMAND (the command line from /proc/PID/cmdline).
        expect(re.search(r"^\s*PID\s+USER\s+COMMAND$", ps, re.M), f"ps header:\n{ps}")
        expect(re.search(r"^\s*1\s+root\s+/sbin/init$", ps, re.M), f"ps lacks init as process 1:\n{ps}")
        expect(re.search(r"^\s*\d+\s+root\s+-sh$", ps, re.M), f"ps lacks the login shell:\n{ps}")

        expect(re.match(r"Linux kernlab 6\.1\.0-kernlab .* i686", sh.run("uname -a").strip()), "uname -a")
        expect(sh.run("whoami").strip() == "root", "whoami")
        expect(sh.run("id").strip().startswith("uid=0(root) gid=0(root)"), "id")

        dmesg = sh.run("dmesg | grep start_kernel")
        expect(re.search(r"^\[\s*\d+\.\d{6}\] #### start_kernel\(\) ####$", dmesg, re.M), f"dmesg | grep:\n{dmesg}")
        expect(len(lines(sh.run("dmesg | tail -n 5"))) == 5, "dmesg | tail -n 5 is not 5 lines")

        start = time.monotonic()
        sh.run("sleep 1")
        expect(time.monotonic() - start >= 0.9, "sleep 1 returned early")

        free = sh.run("free")
        expect(re.search(r"^Mem:\s+\d+\s+\d+\s+\d+", free, re.M), f"free:\n{free}")
        expect(re.search(r"up .*load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d", sh.run("uptime")), "uptime")
        expect(sh.run("echo $?").strip() == "0", "$? after a successful command")
        expect(sh.run("false; echo $?").strip() == "1", "$? after false")

        sh.send("poweroff\r")
        status = sh.qemu.wait_exit(timeout=30)
        expect(status in (0, EXIT_SUCCESS), f"poweroff did not end QEMU cleanly ({status})")


@boot_test
def syscall_hello(build_dir):
    """The course's system call: syscall(349) from user space, then the kernel line in dmesg."""
    with Shell(build_dir) as sh:
        out = sh.run("syscall_test")
        expect("testing system call..." in out, f"syscall_test output:\n{out}")
        expect("executed with return value 0" in out, f"syscall_test output:\n{out}")
        expect("Hello system call!" in sh.run("dmesg | tail"), "dmesg | tail lacks the kernel's line")


@boot_test
def init_banner_and_exercise_pass(build_dir):
    """/sbin/init prints its banner and one line per exercise check, all ok."""
    with Shell(build_dir) as sh:
        text = sh.output()
        expect("Welcome to kernlab" in text, "no init banner")
        for check in ["sys_hello", "/proc/version", "/dev/zero", "/dev/null"]:
            expect(re.search(rf"init: .*{re.escape(check)}.*", text), f"init's exercise pass lacks {check}")
        expect(not re.search(r"init: .*(FAIL|failed)", text), "an init check failed")


@boot_test
def init_fallback_order(build_dir):
    """init= naming a missing program: Linux's message, then /sbin/init runs."""
    with Shell(build_dir, append="init=/does/not/exist") as sh:
        text = sh.output()
        expect("Requested init /does/not/exist failed (error -2)." in text, "no 'Requested init ... failed'")
        expect("Welcome to kernlab" in text, "the fallback /sbin/init did not run")
        expect(sh.run("whoami").strip() == "root", "whoami")


@boot_test
def init_script_arguments(build_dir):
    """init=/bin/sh SCRIPT ARGS (Linux's init_setup): words before init= are
    dropped, those after it are the program's arguments (a word with a dot only
    after `--`: before, Linux takes it for a module parameter), name=value ones
    its environment (replacing an earlier value); the shell runs the script as pid 1."""
    append = "auto init=/bin/sh /usr/share/kernlab/init-args one two TERM=vt100 skipped.word loglevel=7 -- three.3"
    with Qemu(build_dir, append=append) as qemu:
        qemu.wait_for(r"init-args: HOME=.*\n", timeout=90)
        text = qemu.output()
        expect("Run /bin/sh as init process" in text, "init= was not run")
        expect("init-args: pid 1, user root, 3 arguments: one two three.3\n" in text,
               "the script did not get the words after init= as its arguments")
        expect("init-args: HOME=/ TERM=vt100\n" in text, "TERM=vt100 did not replace TERM=linux")
        start = qemu.wait_for(r"[#$] $", timeout=30).end()
        qemu.send("echo $$\r")
        qemu.wait_for(r"echo \$\$\n+1\n", timeout=30, start=start)


@boot_test
def ctrl_c_and_ctrl_d(build_dir):
    """Ctrl-C stops the foreground program, the shell goes on; Ctrl-D at an empty
    prompt ends the shell and init starts a new one."""
    with Shell(build_dir) as sh:
        sh.send("cat\r")
        time.sleep(1)
        sh.send("\x03")
        sh.wait_prompt(timeout=10)
        seconds, _ = interrupt(sh, "sleep 100", 1, 10)
        expect(seconds < 5, "Ctrl-C did not stop sleep")
        expect(sh.run("echo alive").strip() == "alive", "the shell did not go on after Ctrl-C")
        sh.send("\x04")
        sh.wait_prompt(timeout=20)
        expect(sh.run("echo again").strip() == "again", "no new shell after Ctrl-D")


@boot_test
def faults_kill_the_program(build_dir):
    """A faulting program is killed with the right signal; the shell says so and
    the kernel logs one line, not an oops."""
    with Shell(build_dir) as sh:
        for mode, message in [("null", "Segmentation fault"), ("kernel", "Segmentation fault"),
                              ("ill", "Illegal instruction"), ("div", "Floating point exception")]:
            out = sh.run(f"fault {mode}")
            expect(message in out, f"fault {mode}: expected {message!r}, got:\n{out}")
        log = sh.run("dmesg | grep -c fault")
        expect(int(log.strip() or 0) >= 4, "the kernel did not log the faults")
        expect("Oops" not in sh.output() and "Call Trace" not in sh.output(), "a user fault caused an oops")
        expect(sh.run("echo still here").strip() == "still here", "the shell died")


@boot_test
def bad_user_pointers_efault(build_dir):
    """read, write, open, execve and stat with bad pointers return -EFAULT."""
    with Shell(build_dir) as sh:
        out = sh.run("efault_test")
        match = re.search(r"efault_test: (\d+) passed, (\d+) failed", out)
        expect(match, f"efault_test output:\n{out}")
        expect(int(match.group(1)) >= 5 and int(match.group(2)) == 0, f"efault_test:\n{out}")


@boot_test
def pipeline_one_mebibyte(build_dir):
    """At least 1 MiB through a pipeline, counted at the end."""
    with Shell(build_dir) as sh:
        out = sh.run("dd if=/dev/zero bs=4096 count=256 2>/dev/null | cat | wc -c", timeout=120)
        expect(out.strip() == "1048576", f"expected 1048576 bytes, got {out!r}")


@boot_test
def fork_exec_wait_stress(build_dir):
    """500 fork+exec+wait of /bin/true; afterwards free memory is back where it was."""
    with Shell(build_dir) as sh:
        def mem_free():
            out = sh.run("grep MemFree /proc/meminfo")
            return int(re.search(r"MemFree:\s+(\d+) kB", out).group(1))

        sh.run("forkstress 5")   # warm-up: the page cache of /bin/true, slab pages
        before = mem_free()
        out = sh.run("forkstress 500", timeout=300)
        expect(re.search(r"500 runs of /bin/true: 500 ok, 0 failed", out), f"forkstress:\n{out}")
        after = mem_free()
        expect(abs(before - after) <= 8, f"MemFree {before} kB before, {after} kB after 500 runs")


@boot_test
def exec_shares_file_pages(build_dir):
    """execve maps a ramfs program's file pages instead of copying them: a
    write to .data copies the page, so neither the file nor the next run sees
    it; a program whose file is removed while it runs goes on, and its pages
    are freed when it exits."""
    with Shell(build_dir) as sh:
        def mem_free():
            return int(re.search(r"MemFree:\s+(\d+) kB", sh.run("grep MemFree /proc/meminfo")).group(1))

        checksum = sh.run("md5sum /usr/bin/exec_shared_pages")
        out = sh.run("exec_shared_pages")
        expect(out.strip() == "exec_shared_pages: ok", f"exec_shared_pages:\n{out}")
        expect(sh.run("md5sum /usr/bin/exec_shared_pages") == checksum, "the program's file changed")

        before = mem_free()
        sh.run("cp /usr/bin/exec_shared_pages /tmp/esp && (/tmp/esp sleep > /tmp/esp.out &) && rm /tmp/esp")
        sh.run("sleep 4")
        out = sh.run("cat /tmp/esp.out; rm /tmp/esp.out")
        expect(out.strip() == "exec_shared_pages: ok", f"a removed program's run:\n{out}")
        after = mem_free()
        expect(abs(before - after) <= 64, f"MemFree {before} kB before, {after} kB after: the removed file's pages stayed")


@boot_test
def libc_self_test(build_dir):
    """The C library's own test program passes inside kernlab."""
    with Shell(build_dir) as sh:
        out = sh.run("/bin/libc_test", timeout=60)
        match = re.search(r"libc_test: (\d+) passed, (\d+) failed", out)
        expect(match and int(match.group(2)) == 0, f"libc_test:\n{out}")


@boot_test
def keyboard_shell(build_dir):
    """The PS/2 keyboard types at the same shell (on /dev/console)."""
    with Shell(build_dir) as sh:
        for key in ["e", "c", "h", "o", "spc", "k", "b", "d", "shift-1", "ret"]:
            sh.qemu.monitor(f"sendkey {key}")
        sh.wait_for(r"\nkbd!\n", timeout=20)


@boot_test
def panic_when_no_init(build_dir):
    """An initramfs with no init program at all: Linux's panic."""
    archive = os.path.join(tempfile.gettempdir(), f"kernlab-empty-{os.getpid()}.cpio")
    with open(archive, "wb") as out:
        out.write(cpio_newc([("etc", 0o040755, b""), ("etc/hostname", 0o100644, b"kernlab\n")]))
    try:
        with Qemu(build_dir, append="test_exit", initrd=archive) as qemu:
            status = qemu.wait_exit(timeout=60)
            text = qemu.output()
            expect(status == EXIT_PANIC, f"exit status {status}")
            for path in ["/sbin/init", "/etc/init", "/bin/init", "/bin/sh"]:
                expect(f"Run {path} as init process" in text, f"{path} was not tried")
            expect("Kernel panic - not syncing: No working init found" in text, "no panic")
    finally:
        os.unlink(archive)


@boot_test
def initramfs_gzip(build_dir):
    """A gzip'd initramfs (as the ISO has it) followed by a plain archive, as
    Linux takes them: both unpacked, the same entries as the plain initramfs."""
    with open(os.path.join(build_dir, "initramfs.cpio"), "rb") as plain:
        packed = gzip.compress(plain.read(), compresslevel=9, mtime=0)
    extra = cpio_newc([("etc/extra", 0o100644, b"from the second archive\n")])
    archive = os.path.join(tempfile.gettempdir(), f"kernlab-gzip-{os.getpid()}.cpio")
    with open(archive, "wb") as out:
        out.write(packed + bytes(4) + extra)
    try:
        with Shell(build_dir, initrd=archive) as sh:
            log = sh.run("dmesg | grep 'initramfs: unpacked'")
            expect(re.search(r"unpacked 8\d files, 2\d directories, \d+ other entries \(0 failed\)", log), f"dmesg:\n{log}")
            expect(sh.run("cat /etc/extra").strip() == "from the second archive", "the plain archive after it")
            expect(sh.run("/bin/busybox true; echo $?").strip() == "0", "busybox from the gzip'd archive")
    finally:
        os.unlink(archive)


@boot_test
def initramfs_gzip_truncated(build_dir):
    """A gzip'd initramfs cut short: Linux's "Initramfs unpacking failed" with
    the reason, and then no init to run (the kernel stays up to say so)."""
    with open(os.path.join(build_dir, "initramfs.cpio"), "rb") as plain:
        packed = gzip.compress(plain.read(), compresslevel=9, mtime=0)
    archive = os.path.join(tempfile.gettempdir(), f"kernlab-gzip-cut-{os.getpid()}.cpio")
    with open(archive, "wb") as out:
        out.write(packed[:len(packed) // 3])
    try:
        with Qemu(build_dir, append="test_exit", initrd=archive) as qemu:
            status = qemu.wait_exit(timeout=60)
            text = qemu.output()
            expect("Initramfs unpacking failed: compressed data truncated" in text, f"no unpack error:\n{text[-2000:]}")
            expect(status == EXIT_PANIC and "No working init found" in text, f"exit status {status}")
    finally:
        os.unlink(archive)


def cpio_newc(entries):
    """A cpio 'newc' archive of (name, mode, data) entries."""
    members = (newc.entry(name, mode, data, ino=ino) for ino, (name, mode, data) in enumerate(entries, start=1))
    return b"".join(members) + newc.TRAILER
