"""Boot tests of sysfs and debugfs, typed at the busybox shell: /sys as init
mounts it (and as `mount -t sysfs` mounts it again), a module's kobject with
attribute files (drivers/samples/kobj_attrs), /sys/module/NAME and its
parameters with their permissions (param_perms, hello_params), classes and
devices in /sys/class and /sys/dev with the /dev node (mychar), a static class
whose class files create device_register'ed devices (vgadget), and debugfs at
/sys/kernel/debug (debugfs_demo). Permissions are checked as uid 1000 too."""

import re

from registry import boot_test, expect
from shell import Shell
from checks import expect_no_trouble, run_ok, status, user_output as out

MODULES = "/lib/modules"


def no_unknown_syscalls(sh):
    log = out(sh, "dmesg | grep 'unknown system call'")
    expect(log == "", f"unknown system calls were made:\n{log}")


def fails_with(sh, command, message):
    """Runs `command`, which must fail with `message` in what it prints."""
    text = out(sh, command)
    code = status(sh)
    expect(code != "0" and message in text, f"`{command}` should fail with {message!r}; exited {code}:\n{text}")


def listing(sh, directory):
    return out(sh, f"ls {directory}").split()


@boot_test
def sysfs_mounted(build_dir):
    """init mounts sysfs on /sys and debugfs on /sys/kernel/debug; /sys has
    Linux's top directories; busybox `mount -t sysfs` mounts the same tree
    elsewhere; statfs says SYSFS_MAGIC."""
    with Shell(build_dir) as sh:
        mounts = out(sh, "cat /proc/mounts")
        expect(re.search(r"^sysfs /sys sysfs ", mounts, re.M), f"/proc/mounts lacks sysfs on /sys:\n{mounts}")
        expect(re.search(r"^debugfs /sys/kernel/debug debugfs ", mounts, re.M),
               f"/proc/mounts lacks debugfs on /sys/kernel/debug:\n{mounts}")
        top = listing(sh, "/sys")
        for name in ("class", "dev", "devices", "fs", "kernel", "module", "firmware"):
            expect(name in top, f"/sys lacks {name}: {top}")
        expect("debug" in listing(sh, "/sys/kernel"), "/sys/kernel lacks debug")
        expect("misc" in listing(sh, "/sys/class"), "/sys/class lacks misc (the misc devices' class)")
        expect(out(sh, "stat -f -c %t /sys") == "62656572", "statfs of /sys is not SYSFS_MAGIC")
        run_ok(sh, "mkdir -p /tmp/sys2 && mount -t sysfs sysfs /tmp/sys2")
        expect("kernel" in listing(sh, "/tmp/sys2"), "a second sysfs mount shows another tree")
        run_ok(sh, "umount /tmp/sys2")
        fails_with(sh, "mkdir /sys/newdir", "")   # sysfs has no mkdir
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)


@boot_test
def sysfs_kobject_attributes(build_dir):
    """kobj_attrs makes /sys/kernel/kobj_attrs: cat calls show, echo calls
    store (bad input is refused by store), a named attribute group is a
    subdirectory, modes are the attributes' (root cannot write a read-only
    one; uid 1000 reads 0664 but cannot write it), and rmmod takes it away."""
    with Shell(build_dir) as sh:
        base = "/sys/kernel/kobj_attrs"
        run_ok(sh, f"insmod {MODULES}/kobj_attrs.ko")
        expect(listing(sh, base) == ["counter", "reads", "stats"], f"{base}: {listing(sh, base)}")
        expect(listing(sh, f"{base}/stats") == ["last", "sum"], "the stats group")
        expect(out(sh, f"cat {base}/counter") == "0", "counter starts at 0")
        run_ok(sh, f"echo 5 > {base}/counter")
        expect(out(sh, f"cat {base}/counter") == "5", "store did not set counter")
        run_ok(sh, f"echo 7 > {base}/counter")
        expect(out(sh, f"cat {base}/stats/sum") == "12", "sum of the stored values")
        expect(out(sh, f"cat {base}/stats/last") == "7", "the last stored value")
        expect(out(sh, f"cat {base}/reads") == "2", "show ran once per cat of counter")
        expect("counter set to 7" in sh.run("dmesg | tail -n 5"), "store's printk")
        fails_with(sh, f"echo nonsense > {base}/counter", "Invalid argument")
        expect(out(sh, f"cat {base}/counter") == "7", "a refused store changed the value")
        expect(out(sh, f"stat -c '%A %U' {base}/counter") == "-rw-rw-r-- root", "counter's mode and owner")
        expect(out(sh, f"stat -c '%A' {base}/reads") == "-r--r--r--", "reads's mode")
        expect(out(sh, f"stat -c '%A' {base}/stats") == "drwxr-xr-x", "the group directory's mode")
        fails_with(sh, f"echo 1 > {base}/reads", "Permission denied")
        expect(out(sh, f"runas 1000 cat {base}/counter") == "7", "uid 1000 cannot read a 0664 attribute")
        fails_with(sh, f"runas 1000 /bin/sh -c 'echo 1 > {base}/counter'", "Permission denied")
        expect(out(sh, f"cat {base}/counter") == "7", "uid 1000 changed counter")
        # Reading in small pieces gives the same text as one read.
        expect(out(sh, f"dd if={base}/stats/sum bs=1 2>/dev/null") == "12", "a byte-at-a-time read")

        run_ok(sh, "rmmod kobj_attrs")
        fails_with(sh, f"ls {base}", "No such file or directory")
        run_ok(sh, f"insmod {MODULES}/kobj_attrs.ko")   # the name is free again
        expect(out(sh, f"cat {base}/counter") == "0", "a fresh load starts at 0")
        run_ok(sh, "rmmod kobj_attrs")
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)


@boot_test
def sysfs_module_parameters(build_dir):
    """/sys/module/NAME for a loaded module (initstate, refcnt) and
    parameters/PARAM for each parameter with a non-zero permission, with that
    mode: root reads and writes 0644 (the module sees the new value), nobody
    writes 0400 and only root reads it, uid 1000 reads 0644 but cannot write;
    arrays and bools as Linux prints them; all gone after rmmod."""
    with Shell(build_dir) as sh:
        mod = "/sys/module/param_perms"
        params = f"{mod}/parameters"
        run_ok(sh, f"insmod {MODULES}/param_perms.ko speed=20 name=board")
        expect("param_perms" in listing(sh, "/sys/module"), "/sys/module lacks param_perms")
        expect(out(sh, f"cat {mod}/initstate") == "live", "initstate of a loaded module")
        expect(out(sh, f"cat {mod}/refcnt") == "0", "refcnt of an unused module")
        expect(sorted(listing(sh, params)) == ["level", "name", "secret", "speed"],
               f"parameters (hidden has permission 0): {listing(sh, params)}")
        modes = {name: out(sh, f"stat -c %a {params}/{name}") for name in ("speed", "level", "secret", "name")}
        expect(modes == {"speed": "644", "level": "660", "secret": "400", "name": "444"}, f"modes: {modes}")
        expect(out(sh, f"cat {params}/speed") == "20", "insmod's speed=20")
        expect(out(sh, f"cat {params}/name") == "board", "insmod's name=board")
        expect(out(sh, f"cat {params}/secret") == "4242", "root reads a 0400 parameter")
        run_ok(sh, f"echo 33 > {params}/speed")
        expect(out(sh, f"cat {params}/speed") == "33", "a write did not change speed")
        fails_with(sh, f"echo 99999 > {params}/level", "Numerical result out of range")   # a short
        expect(out(sh, f"cat {params}/level") == "3", "an out-of-range write changed level")
        fails_with(sh, f"echo 1 > {params}/secret", "Permission denied")
        fails_with(sh, f"runas 1000 cat {params}/secret", "Permission denied")
        expect(out(sh, f"runas 1000 cat {params}/speed") == "33", "uid 1000 reads a 0644 parameter")
        fails_with(sh, f"runas 1000 /bin/sh -c 'echo 1 > {params}/speed'", "Permission denied")
        run_ok(sh, "rmmod param_perms")
        expect("at exit speed=33" in sh.run("dmesg | tail -n 3"), "the module did not see the written speed")
        fails_with(sh, f"ls {mod}", "No such file or directory")

        # hello_params: the guide's kinds of parameters, printed as Linux prints them.
        run_ok(sh, f"insmod {MODULES}/hello_params.ko myarray=7,8,9 mybool=0")
        hp = "/sys/module/hello_params/parameters"
        expect(out(sh, f"cat {hp}/myarray") == "7,8,9", "an array parameter")
        expect(out(sh, f"cat {hp}/mybool") == "N", "a bool parameter")
        run_ok(sh, f"echo y > {hp}/mybool")
        expect(out(sh, f"cat {hp}/mybool") == "Y", "writing y to a bool")
        run_ok(sh, "rmmod hello_params")
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)


@boot_test
def sysfs_class_devices(build_dir):
    """A char driver's class_create/device_create (mychar): /sys/class/mychar/
    mychar links to /sys/devices/virtual/mychar/mychar, whose dev file is
    MAJOR:MINOR of /dev/mychar; /sys/dev/char/MAJOR:MINOR links there too;
    uevent names the node; rmmod removes the class, the device and the node."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/mychar.ko")
        line = out(sh, "grep mychar /proc/devices")
        match = re.search(r"(\d+) mychar", line)
        expect(match, f"mychar is not in /proc/devices:\n{line}")
        major = int(match.group(1))
        expect(listing(sh, "/sys/class/mychar") == ["mychar"], "/sys/class/mychar")
        expect(out(sh, "readlink /sys/class/mychar/mychar") == "../../devices/virtual/mychar/mychar",
               "the class link's target")
        expect(out(sh, "cat /sys/class/mychar/mychar/dev") == f"{major}:0", "the dev attribute")
        expect(out(sh, "stat -c '%t:%T' /dev/mychar") == f"{major:x}:0", "the /dev node's number")
        uevent = out(sh, f"cat /sys/dev/char/{major}:0/uevent")
        expect(uevent.split("\n") == [f"MAJOR={major}", "MINOR=0", "DEVNAME=mychar"], f"uevent:\n{uevent}")
        expect(out(sh, "readlink /sys/devices/virtual/mychar/mychar/subsystem") == "../../../../class/mychar",
               "the subsystem link")
        expect(out(sh, "basename $(readlink -f /sys/devices/virtual/mychar/mychar/subsystem)") == "mychar",
               "the subsystem link does not resolve")
        expect("Hello from mychar!" in out(sh, "cat /dev/mychar"), "the node does not reach the driver")
        run_ok(sh, "rmmod mychar")
        fails_with(sh, "ls /sys/class/mychar", "No such file or directory")
        fails_with(sh, "ls /sys/devices/virtual/mychar", "No such file or directory")
        fails_with(sh, f"ls /sys/dev/char/{major}:0", "No such file or directory")
        fails_with(sh, "ls /dev/mychar", "No such file or directory")
        run_ok(sh, f"insmod {MODULES}/mychar.ko && rmmod mychar")   # the names are free again
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)


@boot_test
def debugfs_files(build_dir):
    """debugfs_demo's directory under /sys/kernel/debug: u32/u8/bool files
    show and set the module's variables (a read-only one refuses writes), a
    file with the module's own file_operations gets its data through
    i_private; only root may look inside debugfs; rmmod removes it all."""
    with Shell(build_dir) as sh:
        base = "/sys/kernel/debug/debugfs_demo"
        run_ok(sh, f"insmod {MODULES}/debugfs_demo.ko")
        expect(listing(sh, base) == ["enabled", "flags", "hits", "message"], f"{base}: {listing(sh, base)}")
        expect(out(sh, f"cat {base}/hits") == "5", "the u32's value")
        expect(out(sh, f"cat {base}/message") == "debugfs says hi", "the fops file's read")
        expect(out(sh, f"cat {base}/hits") == "6", "the fops read did not count")
        run_ok(sh, f"echo 100 > {base}/hits")
        expect(out(sh, f"cat {base}/hits") == "100", "writing the u32")
        expect(out(sh, f"cat {base}/flags") == "33", "the u8's value (0x21)")
        fails_with(sh, f"echo 1 > {base}/flags", "Invalid argument")
        expect(out(sh, f"cat {base}/enabled") == "Y", "the bool's value")
        run_ok(sh, f"echo N > {base}/enabled")
        expect(out(sh, f"cat {base}/enabled") == "N", "writing the bool")
        run_ok(sh, f"echo changed text > {base}/message")
        expect(out(sh, f"cat {base}/message") == "changed text", "the fops file's write")
        expect(out(sh, "stat -c %a /sys/kernel/debug") == "700", "debugfs's root mode")
        fails_with(sh, "runas 1000 ls /sys/kernel/debug", "Permission denied")
        fails_with(sh, "rmmod debugfs_demo < /sys/kernel/debug/debugfs_demo/message", "")   # held open: in use
        run_ok(sh, "rmmod debugfs_demo")
        expect("hits=101 enabled=0" in sh.run("dmesg | tail -n 3"), "the module's variables at exit")
        fails_with(sh, f"ls {base}", "No such file or directory")
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)


@boot_test
def sysfs_class_register_devices(build_dir):
    """vgadget's static class (class_register with class_groups): its files
    create, destroy and count are in /sys/class/vgadget; echo into create makes
    a device_register'ed vgadgetN (dev_set_name) under /sys/class/vgadget with
    the class's device attribute and /dev/vgadgetN; destroy and rmmod remove
    them, and each device's release runs once."""
    with Shell(build_dir) as sh:
        base = "/sys/class/vgadget"
        run_ok(sh, f"insmod {MODULES}/vgadget.ko")
        major = int(re.search(r"(\d+) vgadget", out(sh, "grep vgadget /proc/devices")).group(1))
        expect(listing(sh, base) == ["count", "create", "destroy"], f"{base}: {listing(sh, base)}")
        expect(out(sh, f"stat -c %a {base}/create {base}/count") == "200\n444", "the class files' modes")
        expect(out(sh, f"cat {base}/count") == "0", "count before any device")
        run_ok(sh, f"echo red > {base}/create")
        run_ok(sh, f"echo blue > {base}/create")
        expect(listing(sh, base) == ["count", "create", "destroy", "vgadget0", "vgadget1"],
               f"{base} after two creates: {listing(sh, base)}")
        expect(out(sh, f"cat {base}/count") == "2", "count after two creates")
        expect(out(sh, f"readlink {base}/vgadget1") == "../../devices/virtual/vgadget/vgadget1", "the class link")
        expect(out(sh, f"cat {base}/vgadget0/label") == "red", "the device attribute (class dev_groups)")
        expect(out(sh, f"cat {base}/vgadget1/dev") == f"{major}:1", "the device's number")
        expect(out(sh, "stat -c '%t:%T' /dev/vgadget1") == f"{major:x}:1", "the /dev node")
        fails_with(sh, f"echo 7 > {base}/destroy", "No such device")
        fails_with(sh, f"cat {base}/create", "")   # write-only
        run_ok(sh, f"echo 0 > {base}/destroy")
        expect("vgadget: released vgadget0 (red)" in sh.run("dmesg | tail -n 5"), "destroy did not release")
        expect(listing(sh, base) == ["count", "create", "destroy", "vgadget1"], f"{base}: {listing(sh, base)}")
        fails_with(sh, "ls /dev/vgadget0", "No such file or directory")
        run_ok(sh, f"echo green > {base}/create")   # the free id again
        expect(out(sh, f"cat {base}/vgadget0/label") == "green", "the new vgadget0")
        run_ok(sh, "rmmod vgadget")
        log = sh.run("dmesg | grep vgadget:")
        for line in ("released vgadget0 (green)", "released vgadget1 (blue)"):
            expect(log.count(line) == 1, f"rmmod: '{line}' not logged once:\n{log[-1500:]}")
        expect(log.count("released vgadget0 (red)") == 1, "a release ran twice")
        fails_with(sh, f"ls {base}", "No such file or directory")
        fails_with(sh, "ls /sys/devices/virtual/vgadget", "No such file or directory")
        fails_with(sh, "ls /dev/vgadget1", "No such file or directory")
        run_ok(sh, f"insmod {MODULES}/vgadget.ko && rmmod vgadget")   # the class name is free again
        expect_no_trouble(sh)
        no_unknown_syscalls(sh)
