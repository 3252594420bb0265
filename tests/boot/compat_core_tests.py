"""Boot tests of the core module API both module guides use (Linux 2.6 and
6.1): struct task_struct and for_each_process, current's ids through 2.6's
fields and 6.1's cred, the 2.6 .ioctl, interruptible_sleep_on, kmem_cache with
an rwlock, lsmod's Size and __init sections freed after init, and system-call
interception through sys_call_table. The samples are drivers/samples/<name>."""

import os
import re
import struct
import time

from module_tests import dmesg_tail, insmod, loaded, status, user_output
from registry import boot_test, expect
from shell import Shell


def mknod_from_dmesg(sh, name, minors=(0,)):
    """The sample printed "mknod /dev/NAME c MAJOR 0": makes those nodes; returns MAJOR."""
    match = re.search(rf"mknod /dev/{name} c (\d+) 0", dmesg_tail(sh, 10))
    expect(match, f"{name} did not print its major:\n{dmesg_tail(sh, 10)}")
    major = int(match.group(1))
    for minor in minors:
        node = f"/dev/{name}" + (str(minor) if minor else "")
        sh.run(f"rm -f {node}; mknod {node} c {major} {minor}")
    return major


@boot_test
def compat_task_struct(build_dir):
    """tasklist walks the processes with for_each_process (pid 1 is there, pid 0
    is not, insmod is running and its parent is the shell) and reads current's
    ids both ways: as root and through runas 1000, 2.6's current->uid, 6.1's
    current->cred->uid and current_uid() all give the reader's ids."""
    with Shell(build_dir) as sh:
        shell_pid = user_output(sh, "echo $$")
        out = insmod(sh, "tasklist")
        expect(status(sh) == "0", f"insmod tasklist.ko failed:\n{out}")
        log = dmesg_tail(sh, 80)
        tasks = {int(pid): (comm, int(state), int(parent))
                 for pid, comm, state, parent in re.findall(r"tasklist: (\d+) (\S+) state (-?\d+) parent (\d+)", log)}
        expect(1 in tasks, f"for_each_process did not reach pid 1:\n{log}")
        expect(0 not in tasks, f"for_each_process listed pid 0 (init_task):\n{log}")
        loader = re.search(r"tasklist: (\d+) processes, loaded by (\S+) \(pid (\d+), uid (\d+)\)", log)
        expect(loader, f"no summary line:\n{log}")
        count, comm, pid, uid = int(loader.group(1)), loader.group(2), int(loader.group(3)), loader.group(4)
        expect(count == len(tasks), f"counted {count} processes but listed {len(tasks)}")
        expect(comm == "insmod" and uid == "0", f"loaded by {comm} uid {uid}, expected insmod uid 0")
        expect(pid in tasks, f"insmod (pid {pid}) is not in the walk:\n{log}")
        expect(tasks[pid][1] == 0, f"insmod's state is {tasks[pid][1]}, expected TASK_RUNNING (0)")
        expect(str(tasks[pid][2]) == shell_pid, f"insmod's parent is {tasks[pid][2]}, the shell is {shell_pid}")

        mknod_from_dmesg(sh, "tasklist")
        as_root = user_output(sh, "cat /dev/tasklist")
        expect(re.fullmatch(r"comm=cat pid=\d+ uid=0 euid=0 gid=0 egid=0 cred_uid=0 cred_euid=0 "
                            r"current_uid=0 current_gid=0", as_root), f"root's ids:\n{as_root}")
        sh.run("chmod 444 /dev/tasklist")
        as_user = user_output(sh, "runas 1000 cat /dev/tasklist")
        expect(re.fullmatch(r"comm=cat pid=\d+ uid=1000 euid=1000 gid=1000 egid=1000 cred_uid=1000 "
                            r"cred_euid=1000 current_uid=1000 current_gid=1000", as_user), f"uid 1000's ids:\n{as_user}")
        sh.run("rmmod tasklist")
        expect("tasklist" not in loaded(sh), "tasklist is still loaded")


@boot_test
def compat_ioctl_26(build_dir):
    """oldioctl's 2.6 .ioctl gets the inode and the file: oldioctl_user adds to
    its counter and reads it back, the minor is the node's, an unknown command is
    ENOTTY; 2.6's `int ret = unregister_chrdev(...)` is 0, then -EINVAL."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "oldioctl")
        expect(status(sh) == "0", f"insmod oldioctl.ko failed:\n{out}")
        mknod_from_dmesg(sh, "oldioctl", minors=(0, 1))
        out = user_output(sh, "oldioctl_user /dev/oldioctl 3 4")
        expect("counter 7 minor 0" in out, f"oldioctl_user /dev/oldioctl 3 4:\n{out}")
        expect("unknown ioctl: Inappropriate ioctl for device" in out, f"an unknown ioctl is not ENOTTY:\n{out}")
        out = user_output(sh, "oldioctl_user /dev/oldioctl1 5")
        expect("counter 12 minor 1" in out, f"oldioctl_user /dev/oldioctl1 5:\n{out}")
        sh.run("rmmod oldioctl")
        log = dmesg_tail(sh, 5)
        expect("oldioctl: unregister_chrdev returned 0" in log, f"unregister_chrdev's result:\n{log}")
        expect("oldioctl: again: -22" in log, f"unregistering twice is not -EINVAL:\n{log}")
        out = user_output(sh, "oldioctl_user /dev/oldioctl 1")
        expect("No such device" in out, f"the node still works after rmmod:\n{out}")


@boot_test
def compat_interruptible_sleep_on(build_dir):
    """A reader of /dev/sleep_on sleeps in interruptible_sleep_on until a writer
    leaves a message; a second reader is ended by a signal (-EINTR)."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")   # the background reader's printk must not land after a prompt
        out = insmod(sh, "sleep_on")
        expect(status(sh) == "0", f"insmod sleep_on.ko failed:\n{out}")
        mknod_from_dmesg(sh, "sleep_on")
        sh.run("cat /dev/sleep_on > /tmp/message &")
        time.sleep(1)
        expect(re.search(r"sleep_on: cat \(pid \d+\) sleeps", dmesg_tail(sh, 5)), "the reader did not sleep")
        expect(user_output(sh, "cat /tmp/message") == "", "the reader returned before a write")
        sh.run("echo hello > /dev/sleep_on")
        sh.run("wait", timeout=10)
        expect(user_output(sh, "cat /tmp/message") == "hello", "the reader did not get the message")

        sh.run("cat /dev/sleep_on > /tmp/second &")
        time.sleep(1)
        sh.run("kill -INT $!")
        sh.run("wait", timeout=10)
        log = dmesg_tail(sh, 5)
        expect("sleep_on: cat woken by a signal" in log, f"the signal did not end the sleep:\n{log}")
        expect(user_output(sh, "cat /tmp/second") == "", "the interrupted reader read something")
        sh.run("rmmod sleep_on")


@boot_test
def compat_kmem_cache_rwlock(build_dir):
    """kcache makes `count` records from its own slab cache on an rwlock-guarded
    list, sums them, frees half; rmmod frees the rest and destroys the cache."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "kcache", "count=10")
        expect(status(sh) == "0", f"insmod kcache.ko failed:\n{out}")
        log = dmesg_tail(sh, 5)
        expect("kcache: 10 records, sum 55" in log, f"the records:\n{log}")
        expect("kcache: 5 records left, sum 15" in log, f"after freeing half:\n{log}")
        sh.run("rmmod kcache")
        expect("kcache: 0 records left, cache destroyed" in dmesg_tail(sh, 5), "rmmod did not free the records")


def linux_core_size(ko_path):
    """What Linux's loader keeps of a .ko (layout_sections with STRICT_MODULE_RWX):
    code, read-only data, writable data, each in whole pages; not the .init*
    sections, not .modinfo or __versions."""
    data = open(ko_path, "rb").read()
    shoff, = struct.unpack_from("<I", data, 32)
    shnum, shstrndx = struct.unpack_from("<HH", data, 48)
    headers = [struct.unpack_from("<10I", data, shoff + i * 40) for i in range(shnum)]
    names = headers[shstrndx][4]
    name = lambda h: data[names + h[0]:data.index(b"\0", names + h[0])].decode()
    alloc, write, execute = 0x2, 0x1, 0x4
    kept = [h for h in headers[1:] if h[2] & alloc and not name(h).startswith(".init")
            and name(h) not in (".modinfo", "__versions")]
    size = 0
    for want, refuse in ((execute | alloc, 0), (alloc, write | execute), (write | alloc, execute)):
        for h in kept:
            if h[2] & want == want and not h[2] & refuse:
                align = max(h[8], 1)
                size = (size + align - 1) // align * align + h[5]
        size = (size + 4095) // 4096 * 4096
    return size


@boot_test
def compat_init_sections_freed(build_dir):
    """initfree's __init code and __initdata are freed once init succeeded:
    during init %pS names initfree_init; afterwards lsmod's Size is the core in
    whole pages as Linux counts it, /proc/kallsyms no longer lists the init
    function and %pS of its old address names nothing."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "initfree")
        expect(status(sh) == "0", f"insmod initfree.ko failed:\n{out}")
        log = dmesg_tail(sh, 5)
        expect(re.search(r"initfree: running initfree_init\+0x0/0x[0-9a-f]+ \[initfree\], sum of the primes 41",
                         log), f"init's own name during init:\n{log}")
        size = int(loaded(sh)["initfree"][0])
        expected = linux_core_size(os.path.join(build_dir, "target", "modules", "initfree.ko"))
        expect(size == expected, f"lsmod says {size} for initfree, Linux's count is {expected}")
        expect(f"initfree {size} 0 - Live" in sh.run("cat /proc/modules"), "/proc/modules' size differs from lsmod's")
        symbols = sh.run("grep initfree /proc/kallsyms")
        expect("initfree_total" in symbols, f"/proc/kallsyms lacks the core function:\n{symbols}")
        expect("initfree_init" not in symbols, f"/proc/kallsyms still names the freed init:\n{symbols}")
        sh.run("rmmod initfree")
        log = dmesg_tail(sh, 5)
        freed = re.search(r"initfree: init was at (\S+), freed; sum still 41", log)
        expect(freed, f"rmmod's message:\n{log}")
        expect("initfree_init" not in freed.group(1), f"the freed init is still named: {freed.group(1)}")


@boot_test
def compat_sys_call_table(build_dir):
    """openspy replaces sys_call_table[__NR_open] (chapter 8): the chosen user's
    opens are logged (kernlab's libc open() is system call 5), other users' are
    not, every open still works, and rmmod restores the original entry."""
    with Shell(build_dir) as sh:
        out = insmod(sh, "openspy", "uid=0")
        expect(status(sh) == "0", f"insmod openspy.ko failed:\n{out}")
        out = user_output(sh, "oldioctl_user /tmp/spied-on")
        expect("No such file or directory" in out, f"open through the spy:\n{out}")
        expect("openspy: uid 0 opened /tmp/spied-on" in dmesg_tail(sh, 5), "root's open was not logged")
        user_output(sh, "runas 1000 oldioctl_user /tmp/not-spied")
        expect("not-spied" not in dmesg_tail(sh, 5), "uid 1000's open was logged")
        sh.run("rmmod openspy")
        expect("openspy: open restored" in dmesg_tail(sh, 5), "rmmod did not restore open")
        user_output(sh, "oldioctl_user /tmp/after-rmmod")
        expect("after-rmmod" not in dmesg_tail(sh, 5), "the spy still runs after rmmod")
