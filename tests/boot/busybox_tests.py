"""Boot tests of the busybox user space: Debian's unmodified busybox-static
(i386) is /bin/sh (ash) and the commands. Each test types at the login shell
what a user would; several need kernel features that busybox uses (vfork,
tgkill, binfmt_script, mknod) and fail until the kernel has them."""

import re
import time

from registry import boot_test, expect
from shell import Shell
from checks import expect_no_trouble, interrupt, user_output


@boot_test
def busybox_version(build_dir):
    """/bin/sh is busybox ash; `busybox` names Debian's build."""
    with Shell(build_dir) as sh:
        expect("built-in shell (ash)" in sh.output(), "the login shell's banner is not busybox ash's")
        out = user_output(sh, "busybox | head -n 1")
        expect(re.match(r"BusyBox v\d+\.\d+\.\d+ \(Debian [^)]*\) multi-call binary\.$", out), f"busybox:\n{out}")
        expect(user_output(sh, "readlink /bin/sh") == "/bin/busybox", "/bin/sh is not a link to busybox")
        expect(user_output(sh, "echo $0") == "-sh", "the shell is not a login shell")


@boot_test
def busybox_exec_loop_300(build_dir):
    """300 fork+exec of /bin/true from an ash while loop; the kernel survives."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done; echo survived $i",
                          timeout=300)
        expect(out == "survived 300", f"the loop printed:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_sh_c_for_loop(build_dir):
    """sh -c with a for loop, an if and $(( )) arithmetic."""
    with Shell(build_dir) as sh:
        expect(user_output(sh, "sh -c 'for i in 1 2 3; do echo $i; done'").split() == ["1", "2", "3"],
               "sh -c for loop")
        expect(user_output(sh, "sh -c 'if [ $((6*7)) -eq 42 ]; then echo yes; else echo no; fi'") == "yes",
               "sh -c if and arithmetic")
        expect(user_output(sh, "sh -c 'exit 7'; echo $?") == "7", "sh -c exit status")


@boot_test
def busybox_trap_ctrl_c(build_dir):
    """trap 'echo got INT' INT, then Ctrl-C: the interactive shell runs the
    trap; a script's trap runs after Ctrl-C stopped its foreground sleep, and
    the script goes on."""
    with Shell(build_dir) as sh:
        sh.run("trap 'echo got INT' INT")
        sh.send("\x03")
        sh.wait_for(r"got INT", timeout=10)
        sh.wait_prompt(timeout=10)
        expect(user_output(sh, "echo alive") == "alive", "the shell died after Ctrl-C")
        sh.run("trap - INT")

        seconds, out = interrupt(sh, "sh -c 'trap \"echo script got INT\" INT; sleep 20; echo after sleep'", 2, 15)
        expect(seconds < 10, "Ctrl-C did not stop the script's sleep")
        expect("script got INT" in out and "after sleep" in out, f"the script's trap did not run:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_job_control(build_dir):
    """Job control on the serial console: Ctrl-Z stops the foreground job,
    jobs lists it, bg resumes it in the background, fg brings it back, and
    Ctrl-C ends it."""
    with Shell(build_dir) as sh:
        sh.send("sleep 60\r")
        time.sleep(1.5)
        sh.send("\x1a")
        out = sh.wait_prompt(timeout=10)
        expect(re.search(r"\[1\]\+\s+Stopped\s+sleep 60", out), f"Ctrl-Z did not stop sleep:\n{out}")
        out = user_output(sh, "jobs")
        expect(re.search(r"\[1\]\+\s+Stopped\s+sleep 60", out), f"jobs:\n{out}")
        out = user_output(sh, "bg")
        expect("sleep 60" in out, f"bg:\n{out}")
        expect(re.search(r"\[1\]\+\s+Running\s+sleep 60", user_output(sh, "jobs")), "bg did not resume the job")
        sh.send("fg\r")
        sh.wait_for(r"fg\n+sleep 60\n", timeout=10)
        time.sleep(1)
        started = time.monotonic()
        sh.send("\x03")
        sh.wait_prompt(timeout=10)
        expect(time.monotonic() - started < 5, "Ctrl-C did not end the job brought back by fg")
        expect(user_output(sh, "jobs") == "", "the job is still listed")
        expect_no_trouble(sh)


@boot_test
def busybox_mkfifo_mknod(build_dir):
    """mkfifo makes a FIFO that carries a line between two processes; mknod
    makes character devices that act as /dev/null and /dev/zero."""
    with Shell(build_dir) as sh:
        expect(sh.run("mkfifo /tmp/fifo; echo $?").strip() == "0", "mkfifo failed")
        expect(re.match(r"p[rw-]{9} ", user_output(sh, "ls -l /tmp/fifo")), "/tmp/fifo is not a FIFO")
        out = user_output(sh, "(echo through the fifo > /tmp/fifo &); cat /tmp/fifo")
        expect(out == "through the fifo", f"cat of the FIFO printed:\n{out}")

        expect(sh.run("mknod /tmp/mynull c 1 3; echo $?").strip() == "0", "mknod c 1 3 failed")
        expect(re.match(r"c[rw-]{9} +1 root +root +1, +3 ", user_output(sh, "ls -l /tmp/mynull")),
               "/tmp/mynull is not char device 1,3")
        expect(user_output(sh, "echo gone > /tmp/mynull; wc -c < /tmp/mynull") == "0", "/tmp/mynull is not null")
        sh.run("mknod /tmp/myzero c 1 5")
        expect(user_output(sh, "head -c 8 /tmp/myzero | od -An -tx1").split() == ["00"] * 8,
               "/tmp/myzero does not read zeros")
        expect_no_trouble(sh)


@boot_test
def busybox_shebang_script(build_dir):
    """A #!/bin/sh script runs as ./x.sh with its arguments."""
    with Shell(build_dir) as sh:
        sh.run("cd /tmp")
        sh.run(r"printf '#!/bin/sh\necho script $0 $1 $#\nexit 3\n' > x.sh; chmod +x x.sh")
        out = user_output(sh, "./x.sh a b; echo status $?")
        expect(out.split("\n") == ["script ./x.sh a 2", "status 3"], f"./x.sh printed:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_awk_getline(build_dir):
    """awk runs a command and reads its output: "echo HELLO" | getline."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "awk 'BEGIN { \"echo HELLO\" | getline x; print \"got\", x }'")
        expect(out == "got HELLO", f"awk printed:\n{out}")
        out = user_output(sh, "printf '1 2\\n3 4\\n' | awk '{ s += $1 * $2 } END { print s }'")
        expect(out == "14", f"awk sum printed:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_tar_gzip_round_trip(build_dir):
    """tar czf then tar xzf gives back the same files (md5sum -c)."""
    with Shell(build_dir) as sh:
        sh.run("mkdir -p /tmp/t/d && cd /tmp && echo small > t/a && "
               "dd if=/dev/urandom of=t/d/b bs=1k count=200 2>/dev/null && seq 1 5000 > t/d/c")
        sh.run("md5sum t/a t/d/b t/d/c > /tmp/sums")
        expect(sh.run("tar czf /tmp/t.tgz t; echo $?", timeout=120).strip() == "0", "tar czf failed")
        listing = user_output(sh, "tar tzf /tmp/t.tgz | sort")
        expect(listing.split() == ["t/", "t/a", "t/d/", "t/d/b", "t/d/c"], f"tar tzf:\n{listing}")
        sh.run("rm -r t")
        expect(sh.run("tar xzf /tmp/t.tgz; echo $?", timeout=120).strip() == "0", "tar xzf failed")
        out = user_output(sh, "md5sum -c /tmp/sums")
        expect(out.split("\n") == ["t/a: OK", "t/d/b: OK", "t/d/c: OK"], f"md5sum -c:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_top_batch(build_dir):
    """top -b -n 1 prints the memory and CPU summary and the process list."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "top -b -n 1", timeout=60)
        expect(re.search(r"^Mem: \d+K used, \d+K free", out, re.M), f"top lacks the Mem: line:\n{out}")
        expect(re.search(r"^CPU:.*idle", out, re.M), f"top lacks the CPU: line:\n{out}")
        expect(re.search(r"^Load average: \d+\.\d\d \d+\.\d\d \d+\.\d\d", out, re.M), f"top lacks the load:\n{out}")
        expect(re.search(r"^\s*PID\s+PPID\s+USER\s+STAT", out, re.M), f"top lacks the header:\n{out}")
        expect(re.search(r"^\s*1\s+0\s+root\s+\S+.*/sbin/init$", out, re.M), f"top lacks init:\n{out}")
        expect(re.search(r"top -b -n 1$", out, re.M), f"top does not list itself:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_vi_edit(build_dir):
    """A vi session typed over the serial console: insert two lines, go up,
    change a word, write and quit; the file has the edits."""
    with Shell(build_dir) as sh:
        sh.send("vi /tmp/v.txt\r")
        time.sleep(2)
        sh.send("ifirst line\rsecond line\x1b")
        time.sleep(0.5)
        sh.send("k0cwFIRST\x1b")   # up to line 1, to its start, change "first"
        time.sleep(0.5)
        sh.send(":wq\r")
        sh.wait_prompt(timeout=20)
        out = user_output(sh, "cat /tmp/v.txt")
        expect(out.split("\n") == ["FIRST line", "second line"], f"the file vi wrote:\n{out}")
        expect_no_trouble(sh)


@boot_test
def busybox_text_tools(build_dir):
    """grep -E, find, sed; more and less page a file and quit on q."""
    with Shell(build_dir) as sh:
        sh.run(r"printf 'foo1\nbar22\nbaz333\nqux\n' > /tmp/g")
        expect(user_output(sh, "grep -E 'ba(r|z)[0-9]{2,}' /tmp/g").split() == ["bar22", "baz333"], "grep -E")
        expect(user_output(sh, "grep -c -v -E '[0-9]' /tmp/g") == "1", "grep -c -v -E")
        expect(user_output(sh, "find /etc -name 'pass*'") == "/etc/passwd", "find -name")
        out = user_output(sh, "find /lib/modules -name 'hello*.ko' | sort")
        expect("/lib/modules/hello.ko" in out.split(), f"find in /lib/modules:\n{out}")
        expect(user_output(sh, "find /tmp -type f -name g") == "/tmp/g", "find -type f")
        expect(user_output(sh, "echo hello world | sed 's/world/kernlab/'") == "hello kernlab", "sed s///")
        expect(user_output(sh, "sed -n '2p;$p' /tmp/g").split() == ["bar22", "qux"], "sed -n 2p;$p")
        sh.run("sed -i 's/^foo/FOO/' /tmp/g")
        expect(user_output(sh, "head -n 1 /tmp/g") == "FOO1", "sed -i")
        expect(user_output(sh, "more /tmp/g | wc -l") == "4", "more into a pipe")

        sh.send("less /etc/passwd\r")
        sh.wait_for(r"root:x:0:0:root:/root:/bin/sh", timeout=20)
        time.sleep(0.5)
        sh.send("q")
        sh.wait_prompt(timeout=20)
        sh.send("more /etc/passwd\r")
        sh.wait_for(r"nobody:x:65534", timeout=20)
        sh.wait_prompt(timeout=20)
        expect(user_output(sh, "echo alive") == "alive", "the shell did not come back after less and more")
        expect_no_trouble(sh)


@boot_test
def busybox_system_tools(build_dir):
    """ps, free, df and dmesg print what Linux's busybox prints."""
    with Shell(build_dir) as sh:
        ps = user_output(sh, "ps")
        expect(re.search(r"^\s*PID\s+USER\s+COMMAND$", ps, re.M), f"ps header:\n{ps}")
        expect(re.search(r"^\s*1\s+root\s+/sbin/init$", ps, re.M), f"ps lacks init:\n{ps}")
        free = user_output(sh, "free")
        match = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)", free, re.M)
        expect(match and int(match.group(1)) > 100000 and int(match.group(1)) >= int(match.group(3)),
               f"free:\n{free}")
        sh.run("mount -t tmpfs none /mnt")
        df = user_output(sh, "df /mnt")
        expect(re.search(r"^Filesystem\s+1K-blocks\s+Used\s+Available\s+Use%\s+Mounted on$", df, re.M), f"df:\n{df}")
        expect(re.search(r"\s+\d+\s+\d+\s+\d+\s+\d+% /mnt$", df, re.M), f"df /mnt:\n{df}")
        expect("/mnt" in user_output(sh, "mount | grep tmpfs"), "mount does not list the tmpfs")
        sh.run("umount /mnt")
        dmesg = sh.run("dmesg | grep start_kernel")   # its lines look like the console's: keep them
        expect(re.search(r"^\[\s*\d+\.\d{6}\] #### start_kernel\(\) ####$", dmesg, re.M), f"dmesg:\n{dmesg}")
        expect_no_trouble(sh)


@boot_test
def busybox_taskset_nproc(build_dir):
    """taskset reads and sets the CPU mask through sched_{get,set}affinity: one
    CPU, so mask 1 works and a mask naming only CPU 1 is refused (EINVAL)."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "taskset -p $$")
        expect(re.fullmatch(r"pid \d+'s current affinity mask: 1", out), f"taskset -p:\n{out}")
        expect(user_output(sh, "taskset 1 echo pinned") == "pinned", "taskset 1 CMD")
        out = user_output(sh, "taskset 2 echo never; echo status $?")
        expect("never" not in out and "Invalid argument" in out and out.endswith("status 1"),
               f"taskset 2 (no such CPU):\n{out}")
        expect(user_output(sh, "nproc") == "1", "nproc")
        expect_no_trouble(sh)


@boot_test
def busybox_no_unknown_syscalls(build_dir):
    """The applets the other tests use make no system call the kernel does not
    know (the kernel logs "unknown system call" once per number)."""
    with Shell(build_dir) as sh:
        for command in ["ls -l / > /dev/null", "ps > /dev/null", "free > /dev/null", "df > /dev/null",
                        "top -b -n 1 > /dev/null", "date > /dev/null", "sleep 0.1", "find / -name x",
                        "echo a | sed s/a/b/ | grep b > /dev/null", "awk 'BEGIN { print 1 }' > /dev/null",
                        "tar czf /tmp/e.tgz /etc 2> /dev/null; tar tzf /tmp/e.tgz > /dev/null",
                        "stat /etc/passwd > /dev/null", "md5sum /bin/busybox > /dev/null", "id > /dev/null",
                        "uptime > /dev/null", "mkdir -p /tmp/q/r; rm -r /tmp/q", "dd if=/dev/zero of=/dev/null count=4"]:
            sh.run(command, timeout=60)
        log = user_output(sh, "dmesg | grep -i 'unknown system call'")
        expect(log == "", f"unknown system calls:\n{log}")
        expect_no_trouble(sh)
