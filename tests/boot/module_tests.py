"""Boot tests of loadable modules: the course's module exercises typed at the
shell (insmod, lsmod, rmmod, modinfo, dmesg, the /proc and /dev files the sample
modules make), and what must fail cleanly (bad .ko files, missing symbols,
modules in use, non-root users)."""

import re
import time

from registry import boot_test, expect
from shell import Shell

MODULES = "/lib/modules"
# printk lines reach the serial console too, between a command's own output.
KERNEL_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] .*\n?", re.M)


def user_output(sh, command, timeout=30):
    """What `command` printed, without the kernel's console lines, stripped."""
    return KERNEL_LINE.sub("", sh.run(command, timeout=timeout)).strip()


def insmod(sh, name, args=""):
    """insmod /lib/modules/<name>.ko [args]; returns what it printed."""
    return sh.run(f"insmod {MODULES}/{name}.ko {args}".rstrip())


def loaded(sh):
    """lsmod's rows: {name: (size, used_by_count, [users])}."""
    rows = {}
    for line in sh.run("lsmod").splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 3:
            rows[fields[0]] = (fields[1], fields[2], fields[3].split(",") if len(fields) > 3 else [])
    return rows


def dmesg_tail(sh, count=20):
    return sh.run(f"dmesg | tail -n {count}")


def status(sh):
    return sh.run("echo $?").strip()


def expect_loaded(sh, name, used_by="0", users=()):
    rows = loaded(sh)
    expect(name in rows, f"lsmod does not list {name}: {rows}")
    size, count, who = rows[name]
    expect(size.isdigit() and int(size) > 0, f"lsmod size of {name}: {size!r}")
    expect(count == used_by, f"lsmod 'Used by' of {name} is {count}, expected {used_by}")
    expect(sorted(who) == sorted(users), f"{name} is used by {who}, expected {list(users)}")


def expect_not_loaded(sh, name):
    expect(name not in loaded(sh), f"{name} is still in lsmod")


# ---- the hello module (exercise 1) ----

@boot_test
def module_hello(build_dir):
    """insmod hello.ko prints "Hello, world!"; lsmod lists it with its size and
    "Used by" 0, /proc/modules in Linux's format; rmmod prints "Goodbye, world!"
    and it is gone; it loads again afterwards."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "hello")
        expect(status(sh) == "0", f"insmod hello.ko failed:\n{out}")
        expect("Hello, world!" in dmesg_tail(sh), "dmesg lacks 'Hello, world!'")
        listing = sh.run("lsmod")
        expect(re.match(r"Module {18}Size  Used by\n", listing), f"lsmod header:\n{listing}")
        expect(re.search(r"^hello {14}\s*\d+  0$", listing, re.M), f"lsmod line of hello:\n{listing}")
        expect_loaded(sh, "hello")
        proc = sh.run("cat /proc/modules")
        expect(re.search(r"^hello \d+ 0 - Live 0x[0-9a-f]{8}", proc, re.M), f"/proc/modules:\n{proc}")

        out = sh.run("rmmod hello")
        expect(status(sh) == "0", f"rmmod hello failed:\n{out}")
        expect("Goodbye, world!" in dmesg_tail(sh), "dmesg lacks 'Goodbye, world!'")
        expect_not_loaded(sh, "hello")

        insmod(sh, "hello")
        expect(status(sh) == "0", "hello.ko does not load a second time")
        out = sh.run("rmmod hello.ko")   # rmmod takes the file name too
        expect(status(sh) == "0", f"rmmod hello.ko:\n{out}")


@boot_test
def module_modinfo(build_dir):
    """modinfo reads .modinfo from the file: licence, author, description,
    version, vermagic, and one parm: line per parameter with its type."""
    with Shell(build_dir) as sh:
        info = sh.run("modinfo hello")
        for field, value in [("filename", f"{MODULES}/hello.ko"), ("license", "GPL"), ("author", "kernlab"),
                             ("description", "Prints a greeting when loaded and when unloaded"),
                             ("version", "1.0"), ("name", "hello")]:
            expect(re.search(rf"^{field}:\s+{re.escape(value)}$", info, re.M), f"modinfo {field}:\n{info}")
        expect(re.search(r"^vermagic:\s+6\.1\.0-kernlab", info, re.M), f"modinfo vermagic:\n{info}")
        expect(re.search(r"^license:        GPL$", info, re.M), f"modinfo columns are not kmod's:\n{info}")
        params = sh.run(f"modinfo {MODULES}/hello_params.ko")
        for line in ["parm:           myint:An integer (int)",
                     "parm:           mystring:A character string (charp)",
                     "parm:           mybool:A boolean (bool)",
                     "parm:           myarray:Up to four integers (array of int)"]:
            expect(line in params, f"modinfo lacks {line!r}:\n{params}")
        expect(user_output(sh, "modinfo -F license hello") == "GPL", "modinfo -F license")
        expect(sh.run("modinfo nosuchmodule; echo $?").strip().endswith("1"), "modinfo of a missing module succeeded")


@boot_test
def module_nolicense_taints(build_dir):
    """A module without MODULE_LICENSE loads but taints the kernel, as Linux says."""
    with Shell(build_dir) as sh:
        insmod(sh, "hello_nolicense")
        expect(status(sh) == "0", "hello_nolicense.ko did not load")
        log = dmesg_tail(sh)
        expect("hello_nolicense: module license 'unspecified' taints kernel." in log, f"no taint warning:\n{log}")
        expect("Disabling lock debugging due to kernel taint" in log, f"no lock debugging line:\n{log}")
        expect_loaded(sh, "hello_nolicense")
        sh.run("rmmod hello_nolicense")
        expect_not_loaded(sh, "hello_nolicense")


# ---- parameters, several files, log levels ----

@boot_test
def module_params_insmod(build_dir):
    """insmod hello_params.ko myint=5 mystring="a b" ... sets each kind of
    parameter; a value of the wrong type makes insmod fail."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "hello_params", 'myint=5 mystring="a b" mybool=0 myarray=7,8')
        expect(status(sh) == "0", f"insmod with parameters failed:\n{out}")
        log = dmesg_tail(sh)
        for line in ["myint is an integer: 5", "mystring is a string: a b", "mybool is a boolean: N",
                     "myarray[0] = 7", "myarray[1] = 8",
                     "got 2 arguments for myarray."]:
            expect(line in log, f"dmesg lacks {line!r}:\n{log}")
        sh.run("rmmod hello_params")

        out = insmod(sh, "hello_params")
        log = dmesg_tail(sh, 8)
        expect("myint is an integer: 42" in log and "mystring is a string: hello" in log,
               f"defaults not used:\n{log}")
        sh.run("rmmod hello_params")

        out = insmod(sh, "hello_params", "myint=abc")
        expect(status(sh) != "0", "insmod accepted myint=abc")
        expect("insmod: ERROR: could not insert module" in out, f"insmod's error:\n{out}")
        expect_not_loaded(sh, "hello_params")


@boot_test
def module_params_cmdline(build_dir):
    """hello_params.myint=7 on the kernel command line reaches the module when it loads."""
    with Shell(build_dir, append="hello_params.myint=7") as sh:
        insmod(sh, "hello_params")
        expect(status(sh) == "0", "hello_params.ko did not load")
        log = dmesg_tail(sh, 8)
        expect("myint is an integer: 7" in log, f"the command-line value was not used:\n{log}")


@boot_test
def module_startstop(build_dir):
    """A module built from two files: init in start.c, exit in stop.c."""
    with Shell(build_dir) as sh:
        insmod(sh, "startstop")
        expect("Hello, world - this is the kernel speaking" in dmesg_tail(sh), "start.c's init did not run")
        sh.run("rmmod startstop")
        expect("Short is the life of a kernel module" in dmesg_tail(sh), "stop.c's exit did not run")


@boot_test
def module_loglevels(build_dir):
    """Each KERN_ level: levels below the console log level print at once,
    dmesg has all of them; dmesg -n 1 leaves only KERN_EMERG on the console."""
    with Shell(build_dir) as sh:
        console = insmod(sh, "loglevels")
        shown = [level for level in range(8) if f"loglevels: {level} KERN_" in console]
        expect(shown == [0, 1, 2, 3, 4, 5, 6], f"console showed levels {shown}:\n{console}")
        log = sh.run("dmesg | grep loglevels:")
        missing = [level for level in range(8) if f"loglevels: {level} KERN_" not in log]
        expect(not missing, f"dmesg lacks levels {missing}:\n{log}")
        expect("loglevels: no level - the default (4)" in log, "the message without a level is missing")
        raw = sh.run("dmesg -r | grep loglevels:")
        expect(re.search(r"^<7>.*loglevels: 7 KERN_DEBUG", raw, re.M), f"dmesg -r levels:\n{raw}")
        sh.run("rmmod loglevels")
        sh.run("dmesg -n 1")
        console = insmod(sh, "loglevels")
        shown = [level for level in range(8) if f"loglevels: {level} KERN_" in console]
        expect(shown == [0], f"after dmesg -n 1 the console showed levels {shown}")


# ---- /proc files (exercises 6, 7, 8) ----

@boot_test
def module_vfs_proc(build_dir):
    """/proc/hello: -rw-rw-rw- root root; cat prints "hello reader!"; after
    echo bye > /proc/hello cat prints bye; each callback logs; a 200-byte write
    is cut to the 64-byte buffer; the entry goes away with rmmod."""
    with Shell(build_dir) as sh:
        insmod(sh, "vfs_proc")
        expect("vfs_proc: init" in dmesg_tail(sh), "vfs_proc: init missing")
        listing = sh.run("ls -l /proc/hello")
        expect(re.match(r"-rw-rw-rw-\s+1\s+root\s+root\s+0 .*/proc/hello\n", listing), f"ls -l:\n{listing}")
        expect(user_output(sh, "cat /proc/hello") == "hello reader!", "cat /proc/hello")
        log = dmesg_tail(sh, 6)
        for line in ["hello: open", "hello: read", "hello: close"]:
            expect(line in log, f"dmesg lacks {line!r}:\n{log}")
        sh.run("echo bye > /proc/hello")
        expect("hello: write" in dmesg_tail(sh, 6), "hello: write missing")
        expect(user_output(sh, "cat /proc/hello") == "bye", "cat after echo bye")
        sh.run(f"echo {'x' * 199} > /proc/hello")
        expect(user_output(sh, "cat /proc/hello | wc -c") == "64", "a 200-byte write was not cut to 64 bytes")
        expect(sh.run("echo alive").strip() == "alive", "the kernel died after the long write")
        sh.run("rmmod vfs_proc")
        expect("vfs_proc: exit" in dmesg_tail(sh), "vfs_proc: exit missing")
        expect("hello" not in sh.run("ls /proc").split(), "/proc/hello is still there after rmmod")


@boot_test
def module_myproc(build_dir):
    """echo 12345 > /proc/myproc; cat /proc/myproc prints 12345 (create_proc_entry
    API); the entry is in ls /proc while loaded and gone after rmmod."""
    with Shell(build_dir) as sh:
        insmod(sh, "myproc")
        expect("myproc" in sh.run("ls /proc").split(), "ls /proc lacks myproc")
        expect(user_output(sh, "echo 12345 > /proc/myproc; cat /proc/myproc") == "12345", "myproc round trip")
        expect(user_output(sh, "echo 678 > /proc/myproc; cat /proc/myproc") == "678", "second write")
        sh.run("rmmod myproc")
        expect("myproc" not in sh.run("ls /proc").split(), "/proc/myproc is still there after rmmod")


@boot_test
def module_mmap_proc(build_dir):
    """mmap_reader maps /proc/mydir/myinfo and prints the module's bytes 0..11."""
    with Shell(build_dir) as sh:
        insmod(sh, "mmap_proc")
        expect("myinfo" in sh.run("ls /proc/mydir").split(), "/proc/mydir/myinfo missing")
        printed = user_output(sh, "mmap_reader")
        expect(printed == "0 1 2 3 4 5 6 7 8 9 10 11", f"mmap_reader printed:\n{printed}")
        sh.run("rmmod mmap_proc")
        expect("mydir" not in sh.run("ls /proc").split(), "/proc/mydir is still there after rmmod")


# ---- char devices (exercise 10 and the course guide's ioctl chapter) ----

@boot_test
def module_char_devices(build_dir):
    """mychar answers reads with a message; /dev/myzero behaves like /dev/zero."""
    with Shell(build_dir) as sh:
        insmod(sh, "mychar")
        expect(re.match(r"c[rw-]{9}", sh.run("ls -l /dev/mychar")), "/dev/mychar is not a char device")
        expect(user_output(sh, "cat /dev/mychar") == "Hello from mychar! (read number 1)", "cat /dev/mychar")
        expect(user_output(sh, "cat /dev/mychar") == "Hello from mychar! (read number 2)", "second cat /dev/mychar")
        sh.run("rmmod mychar")
        expect("mychar" not in sh.run("ls /dev").split(), "/dev/mychar is still there after rmmod")

        insmod(sh, "zero")
        expect(sh.run("dd if=/dev/myzero bs=1k count=4 status=none | wc -c").strip() == "4096",
               "dd of 4 KiB from /dev/myzero")
        dump = sh.run("dd if=/dev/myzero bs=1k count=4 status=none | hexdump -C")
        expect(dump.split() == ["00000000"] + ["00"] * 16 + ["|................|", "*", "00001000"],
               f"/dev/myzero gave more than zeros:\n{dump}")
        expect(sh.run("echo data > /dev/myzero; echo $?").strip() == "0", "writing /dev/myzero failed")
        sh.run("rmmod zero")


@boot_test
def module_chardev_held_while_open(build_dir):
    """chardev counts its opens; while a process has it open the module is held:
    lsmod shows Used by 1 and rmmod is refused; afterwards rmmod works."""
    with Shell(build_dir) as sh:
        insmod(sh, "chardev")
        expect(user_output(sh, "cat /dev/chardev") == "I already told you 1 times Hello world!", "first cat")
        expect(user_output(sh, "cat /dev/chardev") == "I already told you 2 times Hello world!", "second cat")
        sh.run("sleep 5 < /dev/chardev &")
        time.sleep(0.5)
        expect_loaded(sh, "chardev", used_by="1")
        out = sh.run("rmmod chardev")
        expect(status(sh) != "0", "rmmod removed chardev while it was open")
        expect("rmmod: ERROR: Module chardev is in use" in out, f"rmmod's message:\n{out}")
        expect_loaded(sh, "chardev", used_by="1")
        sh.run("wait", timeout=15)
        expect_loaded(sh, "chardev", used_by="0")
        sh.run("rmmod chardev")
        expect(status(sh) == "0", "rmmod chardev failed after the file was closed")
        expect_not_loaded(sh, "chardev")


@boot_test
def module_chardev_ioctl(build_dir):
    """ioctl_user sets a message through IOCTL_SET_MSG and reads it back."""
    with Shell(build_dir) as sh:
        insmod(sh, "chardev_ioctl")
        out = sh.run("ioctl_user")
        expect(status(sh) == "0", f"ioctl_user failed:\n{out}")
        expect("get message: Message passed by ioctl" in out, f"ioctl_user:\n{out}")
        expect("get nth byte: M e s s a g e" in out, f"IOCTL_GET_NTH_BYTE:\n{out}")
        # (no newline at its end: echo ends the line before the prompt)
        expect(user_output(sh, "cat /dev/chardev_ioctl; echo") == "Message passed by ioctl", "read after ioctl")
        sh.run("rmmod chardev_ioctl")


# ---- sleeping, interrupts, timers ----

@boot_test
def module_sleep_wait_queue(build_dir):
    """A reader of /proc/sleep sleeps until a writer wakes it with its message."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")   # the background reader's printk must not land after a prompt
        insmod(sh, "sleep")
        sh.run("cat /proc/sleep > /tmp/woken &")
        time.sleep(1)
        expect("going to sleep" in dmesg_tail(sh, 5), "the reader did not go to sleep")
        expect("cat" in sh.run("ps"), "the reader is not waiting")
        expect(user_output(sh, "cat /tmp/woken") == "", "the reader returned before a write")
        sh.run("echo wake > /proc/sleep")
        sh.run("wait", timeout=10)
        expect(user_output(sh, "cat /tmp/woken") == "wake", "the reader did not get the message")
        expect("woken up" in dmesg_tail(sh, 5), "no 'woken up' in dmesg")
        sh.run("rmmod sleep")


@boot_test
def module_kbcount_irq(build_dir):
    """kbcount shares IRQ 1 with the keyboard driver: key presses sent through
    the QEMU monitor raise the count in /proc/kbcount."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "kbcount")
        expect(status(sh) == "0", f"insmod kbcount.ko failed:\n{out}")
        before = int(user_output(sh, "cat /proc/kbcount"))
        for _ in range(3):
            sh.qemu.monitor("sendkey shift")
        time.sleep(0.5)
        after = int(user_output(sh, "cat /proc/kbcount"))
        expect(after >= before + 3, f"kbcount went from {before} to {after} after 3 key presses")
        expect("kbcount" in sh.run("cat /proc/interrupts"), "/proc/interrupts does not list kbcount")
        sh.run("rmmod kbcount")
        expect_not_loaded(sh, "kbcount")


@boot_test
def module_ticker(build_dir):
    """ticker logs from a work queue every period_ms (a timer schedules the work)."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")   # ticks go to dmesg only, not between the prompts
        insmod(sh, "ticker", "period_ms=200")
        time.sleep(2)
        sh.run("rmmod ticker")
        log = sh.run("dmesg | grep ticker:")
        ticks = re.findall(r"^\[\s*(\d+)\.(\d{6})\] ticker: tick \d+$", log, re.M)
        expect(5 <= len(ticks) <= 14, f"{len(ticks)} ticks in about 2 s at 200 ms:\n{log}")
        times = [int(s) + int(us) / 1e6 for s, us in ticks]
        gaps = [b - a for a, b in zip(times, times[1:])]
        expect(all(0.1 < gap < 0.4 for gap in gaps), f"tick gaps are not about 200 ms: {gaps}")
        expect("ticker: stopped after" in log, "no stop message")
        count = len(re.findall("ticker: tick", sh.run("dmesg | grep ticker:")))
        time.sleep(0.6)
        expect(len(re.findall("ticker: tick", sh.run("dmesg | grep ticker:"))) == count, "ticks after rmmod")


# ---- symbols between modules and the kernel ----

@boot_test
def module_export_dependency(build_dir):
    """export_b uses a function export_a exports: it needs export_a loaded,
    lsmod shows "Used by 1 export_b", and rmmod export_a is refused until
    export_b is gone."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "export_b")
        expect(status(sh) != "0", "export_b loaded without export_a")
        expect("Unknown symbol in module" in out, f"insmod's error:\n{out}")
        expect("export_b: Unknown symbol export_a_add (err -2)" in dmesg_tail(sh, 5), "dmesg does not name the symbol")

        insmod(sh, "export_a")
        out = insmod(sh, "export_b")
        expect(status(sh) == "0", f"insmod export_b failed:\n{out}")
        expect("export_b: export_a_add(2, 3) = 5" in dmesg_tail(sh), "export_b's call did not work")
        expect_loaded(sh, "export_a", used_by="1", users=["export_b"])
        listing = sh.run("lsmod")
        expect(re.search(r"^export_a\s+\d+  1 export_b$", listing, re.M), f"lsmod:\n{listing}")
        expect(re.search(r"^depends:\s+export_a$", sh.run("modinfo export_b"), re.M), "modinfo depends:")

        out = sh.run("rmmod export_a")
        expect(status(sh) != "0", "rmmod export_a succeeded while export_b uses it")
        expect("rmmod: ERROR: Module export_a is in use by: export_b" in out, f"rmmod's message:\n{out}")
        expect_loaded(sh, "export_a", used_by="1", users=["export_b"])

        sh.run("rmmod export_b")
        expect_loaded(sh, "export_a", used_by="0")
        sh.run("rmmod export_a")
        expect(status(sh) == "0", "rmmod export_a failed after export_b went")


@boot_test
def module_calls_sys_hello(build_dir):
    """A module calls the kernel's exported sys_hello from its init."""
    with Shell(build_dir) as sh:
        insmod(sh, "sys_hello_caller")
        log = dmesg_tail(sh, 5)
        expect("Hello system call!" in log, f"sys_hello did not print:\n{log}")
        expect("sys_hello_caller: sys_hello() returned 0" in log, f"no return value line:\n{log}")


# ---- what must fail, cleanly ----

@boot_test
def module_init_fails(build_dir):
    """An init that returns -ENODEV: insmod reports it, nothing stays loaded,
    and trying again gives the same error (not "File exists")."""
    with Shell(build_dir) as sh:
        for _ in range(2):
            out = insmod(sh, "init_fails")
            expect(status(sh) != "0", "insmod init_fails.ko succeeded")
            expect(f"insmod: ERROR: could not insert module {MODULES}/init_fails.ko: No such device" in out,
                   f"insmod's error:\n{out}")
            expect_not_loaded(sh, "init_fails")
        expect("init_fails: no device found, refusing to load" in dmesg_tail(sh), "init did not run")


@boot_test
def module_bad_input(build_dir):
    """Broken or unwelcome modules are refused with an error and the kernel
    stays up: a truncated file, a foreign machine, an unknown symbol, the same
    module twice, garbage, and insmod/rmmod by a non-root user."""
    with Shell(build_dir) as sh:
        def refused(command, message):
            out = sh.run(command)
            expect(status(sh) != "0", f"{command!r} succeeded")
            expect(message in out, f"{command!r} printed:\n{out}")
            expect(sh.run("echo alive").strip() == "alive", f"the shell died after {command!r}")

        sh.run(f"head -c 1000 {MODULES}/hello.ko > /tmp/t.ko")
        refused("insmod /tmp/t.ko", "insmod: ERROR: could not insert module /tmp/t.ko:")
        sh.run(f"cp {MODULES}/hello.ko /tmp/m.ko")
        sh.run("dd if=/dev/zero of=/tmp/m.ko bs=1 seek=18 count=2 conv=notrunc status=none")
        refused("insmod /tmp/m.ko", "Invalid module format")
        sh.run("head -c 4096 /dev/zero > /tmp/z.ko")
        refused("insmod /tmp/z.ko", "Invalid module format")
        refused("insmod /tmp/nonexistent.ko", "could not load module /tmp/nonexistent.ko: No such file or directory")
        refused(f"insmod {MODULES}/needs_missing.ko", "Unknown symbol in module")
        expect("needs_missing: Unknown symbol kernlab_no_such_function (err -2)" in dmesg_tail(sh, 5),
               "dmesg does not name the missing symbol")

        insmod(sh, "hello")
        refused(f"insmod {MODULES}/hello.ko", "File exists")
        refused("runas 1000 insmod /lib/modules/startstop.ko", "Operation not permitted")
        expect_not_loaded(sh, "startstop")
        refused("runas 1000 rmmod hello", "Operation not permitted")
        expect_loaded(sh, "hello")
        refused("rmmod nosuchmodule", "rmmod: ERROR: Module nosuchmodule is not currently loaded")
        sh.run("rmmod hello")
        expect(loaded(sh) == {}, f"modules left loaded: {loaded(sh)}")


@boot_test
def module_bad_relocation(build_dir):
    """A module with a relocation type the loader does not handle (R_386_GOTOFF)
    is refused with ENOEXEC and a log line naming the type. The patched .ko comes
    in on an IDE disk and is cut out of /dev/sda with head -c."""
    import os
    import struct
    import tempfile
    with open(os.path.join(build_dir, "target", "modules", "hello.ko"), "rb") as ko:
        data = bytearray(ko.read())
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x2E)
    patched = False
    for index in range(shnum):
        sh_type, = struct.unpack_from("<I", data, shoff + index * shentsize + 4)
        sh_offset, sh_size = struct.unpack_from("<II", data, shoff + index * shentsize + 16)
        if sh_type == 9 and sh_size >= 8:   # SHT_REL
            data[sh_offset + 4] = 9           # the first entry's type: R_386_GOTOFF
            patched = True
            break
    expect(patched, "hello.ko has no relocation section to patch")
    disk = tempfile.NamedTemporaryFile(prefix="kernlab-badrel-", suffix=".img", delete=False)
    try:
        disk.write(bytes(data) + bytes(-len(data) % 512))
        disk.close()
        with Shell(build_dir, extra_args=["-drive", f"file={disk.name},format=raw,if=ide"]) as sh:
            sh.run(f"head -c {len(data)} /dev/sda > /tmp/r.ko")
            out = sh.run("insmod /tmp/r.ko")
            expect(status(sh) != "0", "a module with a bad relocation type was loaded")
            expect("Invalid module format" in out, f"insmod printed:\n{out}")
            expect("R_386_GOTOFF" in sh.run("dmesg | tail -n 3"), "the log does not name the relocation type")
            expect(sh.run("echo alive").strip() == "alive", "the shell died")
    finally:
        os.unlink(disk.name)
