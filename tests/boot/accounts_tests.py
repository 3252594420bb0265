"""Boot tests of the non-root account (user/rootfs/etc/passwd, shadow):
student/student and root/root. busybox is set-user-ID root, so su and login
work; every other applet drops the privilege. As student, insmod is refused
(EPERM), /etc/shadow is unreadable, whoami says student."""

import re

from checks import expect_no_trouble, status, user_output
from registry import boot_test, expect
from shell import Shell


def as_student(sh, command):
    return user_output(sh, f"su student -c '{command}'")


@boot_test
def accounts_su_student(build_dir):
    """Root runs commands as student with su (no password asked of root)."""
    with Shell(build_dir) as sh:
        ls = user_output(sh, "ls -ln /bin/busybox /etc/shadow; ls -lnd /home/student")
        expect(re.search(r"^-rwsr-xr-x\s+\d+\s+0\s+0 .*/bin/busybox$", ls, re.M), f"busybox is not setuid root:\n{ls}")
        expect(re.search(r"^-rw-------\s+\d+\s+0\s+0 .*/etc/shadow$", ls, re.M), f"/etc/shadow:\n{ls}")
        expect(re.search(r"^d\S+\s+\d+\s+1000\s+1000 .*/home/student$", ls, re.M), f"/home/student:\n{ls}")

        out = as_student(sh, "id")
        expect(out.startswith("uid=1000(student) gid=1000(student)"), f"id as student: {out!r}")
        expect(as_student(sh, "whoami") == "student", "whoami does not say student")
        expect(user_output(sh, "su - student -c pwd") == "/home/student", "su - does not start at home")
        out = as_student(sh, "touch ~/mine && ls -ln ~/mine")
        expect(re.search(r"\s1000\s+1000\s", out), f"a file made by student: {out!r}")

        # busybox's own insmod (setuid, but it drops root) and kernlab's.
        for insmod in ["insmod", "/sbin/insmod"]:
            out = as_student(sh, f"{insmod} /lib/modules/hello.ko; echo status=$?")
            expect("Operation not permitted" in out and "status=0" not in out, f"{insmod} as student:\n{out}")
        expect("hello" not in user_output(sh, "cat /proc/modules"), "student loaded a module")
        out = as_student(sh, "cat /etc/shadow; echo status=$?")
        expect("Permission denied" in out and "$6$" not in out, f"cat /etc/shadow as student:\n{out}")
        # The set-user-ID bit gives nothing to a plain applet: id shows no euid 0.
        expect("euid" not in as_student(sh, "/bin/busybox id"), "an applet kept the effective root")
        # mount keeps it (busybox's SUID_MAYBE) but refuses what /etc/fstab does not allow users.
        out = as_student(sh, "mount -t ramfs none /mnt; echo status=$?")
        expect("status=0" not in out and "root" in out, f"mount as student:\n{out}")
        expect_no_trouble(sh)


@boot_test
def accounts_login_and_su_passwords(build_dir):
    """login as student with the password typed over the serial line, then
    su to root with root's password; a wrong password is refused."""
    with Shell(build_dir) as sh:
        sh.send("login\r")
        sh.wait_for(r"login: $", timeout=30)
        sh.send("student\r")
        sh.wait_for(r"Password: $", timeout=30)
        sh.send("student\r")
        sh.wait_prompt(timeout=60)
        expect(user_output(sh, "whoami") == "student", "login did not make a student shell")
        expect(user_output(sh, "pwd") == "/home/student", "the login shell is not at home")
        out = user_output(sh, "id")
        expect(out.startswith("uid=1000(student) gid=1000(student)"), f"id after login: {out!r}")

        sh.send("su -c id root\r")
        sh.wait_for(r"Password: $", timeout=30)
        sh.send("nope\r")
        out = sh.wait_prompt(timeout=60)
        expect("incorrect password" in out and "uid=0" not in out, f"su with a wrong password:\n{out}")
        sh.send("su -c id root\r")
        sh.wait_for(r"Password: $", timeout=30)
        sh.send("root\r")
        out = sh.wait_prompt(timeout=60)
        expect("uid=0(root) gid=0(root)" in out, f"su with root's password:\n{out}")

        sh.send("exit\r")   # the login shell ends: back in root's shell
        sh.wait_prompt(timeout=30)
        expect(user_output(sh, "whoami") == "root", "not back to root after the student's logout")
        expect(status(sh) == "0", "whoami failed")
        expect_no_trouble(sh)
