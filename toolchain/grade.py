#!/usr/bin/env python3
"""kernlab's grader: runs one exercise's scenario against a student's folder.

    toolchain/grade.py STUDENT_DIR SCENARIO [--build-dir build] [--share 9p|copy]

It runs the scenario's `build:` lines on the host in the student's folder,
boots kernlab headless (QEMU TCG, -kernel/-initrd) with the folder at /mnt/host
in the guest, types each `run:` command at the serial console, matches the
`expect:` regexes against what the command printed, and prints TAP (one line
per build, the boot, and each expectation) followed by the serial transcript as
TAP comments. The exit status is 0 when every line is `ok`, 1 otherwise, 2 for
a bad scenario or command line. docs/course/grading.md describes the format.

The folder reaches the guest by virtio-9p (`-virtfs ... mount_tag=host`, as `cmake --build --preset run` does;
mounted at /mnt/host; `--share 9p`, the default) or, with `--share copy`, as a
second cpio archive appended to the initramfs (a snapshot taken after the
builds, for kernels or hosts without 9p)."""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests", "boot"))
sys.path.insert(0, os.path.join(REPO, "toolchain"))

import newc  # noqa: E402  (cpio archives: the copy of the student's folder)
from qemu import BootTestFailure, Qemu  # noqa: E402  (the boot tests' QEMU driver)
from shell import Shell  # noqa: E402

GUEST_DIR = "/mnt/host"
MOUNT_TAG = "host"   # the tag the run target and user/init use (CMakeLists.txt, user/init/init.c)
# A login shell's prompt, or a bare ash's ("/ # ") as init=/bin/sh gives.
ANY_PROMPT = r"(?m)(?:\w+@kernlab:[^\n]*[#$]|^/[^\n]* [#$]) $"
DIRECTIVES = ("title", "build", "append", "timeout", "run", "expect", "expect-not", "boot-timeout")


class ScenarioError(Exception):
    pass


def parse_scenario(path):
    """A list of (line number, directive, value); blank lines and # comments skipped."""
    steps = []
    with open(path, encoding="utf-8") as scenario:
        for number, line in enumerate(scenario, 1):
            text = line.rstrip("\n")
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            directive, colon, value = text.partition(":")
            directive = directive.strip()
            if not colon or directive not in DIRECTIVES:
                raise ScenarioError(f"{path}:{number}: expected one of {', '.join(DIRECTIVES)} followed by ':'")
            value = value.strip()
            if directive in ("expect", "expect-not"):
                try:
                    re.compile(value)
                except re.error as error:
                    raise ScenarioError(f"{path}:{number}: bad regex {value!r}: {error}")
            if directive in ("timeout", "boot-timeout") and not value.isdigit():
                raise ScenarioError(f"{path}:{number}: {directive} wants seconds")
            steps.append((number, directive, value))
    if not any(d == "run" for _, d, _ in steps):
        raise ScenarioError(f"{path}: no run: line")
    return steps


class Tap:
    def __init__(self):
        self.lines = []
        self.count = 0
        self.failed = 0

    def result(self, ok, description, diagnostic=""):
        self.count += 1
        self.lines.append(f"{'ok' if ok else 'not ok'} {self.count} - {description}")
        if not ok:
            self.failed += 1
            for line in diagnostic.rstrip("\n").splitlines():
                self.lines.append(f"#   {line}")

    def print(self):
        print("TAP version 13")
        print(f"1..{self.count}")
        for line in self.lines:
            print(line)


def run_builds(steps, student, kit, tap):
    """`build:` lines, on the host in the student's folder ($KDIR: the module kit)."""
    env = dict(os.environ, KDIR=kit, PWD=student, CROSS_CC="i686-linux-gnu-gcc")
    for _, directive, command in steps:
        if directive != "build":
            continue
        result = subprocess.run(command, shell=True, cwd=student, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        tap.result(result.returncode == 0, f"build: {command}",
                   f"exit status {result.returncode}\n{result.stdout}")


def copy_initrd(build_dir, student, workdir):
    """The initramfs followed by a cpio of the student's folder at /mnt/host."""
    archive = bytearray()
    path = ""
    for part in GUEST_DIR.strip("/").split("/"):
        path = f"{path}/{part}" if path else part
        archive += newc.entry(path, 0o40755)
    for root, dirs, files in os.walk(student):
        dirs.sort()
        relative = os.path.relpath(root, student)
        base = GUEST_DIR.strip("/") if relative == "." else f"{GUEST_DIR.strip('/')}/{relative}"
        for name in dirs:
            archive += newc.entry(f"{base}/{name}", 0o40755)
        for name in sorted(files):
            full = os.path.join(root, name)
            if not os.path.isfile(full):
                continue
            with open(full, "rb") as source:
                mode = 0o100755 if os.access(full, os.X_OK) else 0o100644
                archive += newc.entry(f"{base}/{name}", mode, source.read())
    archive += newc.TRAILER
    archive += b"\0" * (-len(archive) % 512)
    combined = os.path.join(workdir, "initramfs+student.cpio")
    with open(os.path.join(build_dir, "initramfs.cpio"), "rb") as base, open(combined, "wb") as out:
        data = base.read()
        out.write(data + b"\0" * (-len(data) % 4) + archive)
    return combined


class GraderShell(Shell):
    """Shell with any prompt at boot: a login shell, or init=/bin/sh's bare ash,
    which gets the login shell's prompt so that Shell.run works alike."""

    def __init__(self, build_dir, append, extra_args, initrd, boot_timeout):
        self.qemu = Qemu(build_dir, append=append, extra_args=extra_args, initrd=initrd)
        self._consumed = 0
        self.qemu.wait_for(ANY_PROMPT, timeout=boot_timeout)
        self.qemu.send("PS1='root@kernlab:\\w# '\r")
        self.wait_prompt(timeout=30)


def check(tap, output, directive, regex, command):
    found = re.search(regex, output, re.M)
    ok = bool(found) if directive == "expect" else not found
    words = "prints" if directive == "expect" else "does not print"
    tap.result(ok, f"`{command}` {words} /{regex}/", f"its output was:\n{output}")


def grade(args):
    steps = parse_scenario(args.scenario)
    student = os.path.abspath(args.student_dir)
    if not os.path.isdir(student):
        raise ScenarioError(f"{student}: not a folder")
    build_dir = os.path.abspath(args.build_dir)
    tap = Tap()
    title = next((value for _, d, value in steps if d == "title"), os.path.basename(args.scenario))
    run_builds(steps, student, os.path.join(build_dir, "module-kit"), tap)

    append = " ".join(value for _, d, value in steps if d == "append")
    boot_timeout = int(next((v for _, d, v in steps if d == "boot-timeout"), "120"))
    extra_args = []
    initrd = None
    with tempfile.TemporaryDirectory(prefix="kernlab-grade-") as workdir:
        if args.share == "9p":
            extra_args = ["-virtfs", f"local,path={student},mount_tag={MOUNT_TAG},security_model=none,id={MOUNT_TAG}"]
        else:
            initrd = copy_initrd(build_dir, student, workdir)
        shell = None
        try:
            try:
                shell = GraderShell(build_dir, append, extra_args, initrd, boot_timeout)
                tap.result(True, f"boot to the shell{' (' + append + ')' if append else ''}")
            except BootTestFailure as failure:
                tap.result(False, "boot to the shell", str(failure))
            if shell and args.share == "9p":
                # user/init mounts the share; a shell started as init= has not.
                shell.run(f"grep -q ' {GUEST_DIR} ' /proc/mounts || {{ mkdir -p {GUEST_DIR}; "
                          f"mount -t 9p -o trans=virtio {MOUNT_TAG} {GUEST_DIR}; }}", timeout=30)
            if shell:
                listing = shell.run(f"cd {GUEST_DIR} && ls -A", timeout=30)
                expected = sorted(os.listdir(student))
                tap.result(all(name in listing.split() for name in expected),
                           f"the student's folder is at {GUEST_DIR}", f"ls -A printed:\n{listing}")
            timeout = 30
            command = None
            output = ""
            for _, directive, value in steps:
                if directive == "timeout":
                    timeout = int(value)
                elif directive == "run":
                    command = value
                    output = ""
                    if shell:
                        try:
                            output = shell.run(value, timeout=timeout)
                        except BootTestFailure as failure:
                            output = f"(no prompt after the command: {failure})"
                            tap.result(False, f"`{value}` ends within {timeout}s", str(failure))
                            shell = None
                elif directive in ("expect", "expect-not"):
                    if command is None:
                        raise ScenarioError(f"{args.scenario}: {directive} before any run:")
                    if shell is None and not output:
                        tap.result(False, f"`{command}` {directive} /{value}/", "kernlab is not running")
                    else:
                        check(tap, output, directive, value, command)
        finally:
            transcript = Qemu.started_instances[-1].transcript() if Qemu.started_instances else ""
            for qemu in Qemu.started_instances:
                qemu.kill()
    print(f"# {title}: {student}")
    tap.print()
    print("# ---- transcript ----")
    for line in transcript.splitlines():
        print(f"# {line}")
    return 1 if tap.failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("student_dir", help="the student's folder (shared as /mnt/host)")
    parser.add_argument("scenario", help="a scenario file (docs/course/scenarios/*.scenario)")
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build"),
                        help="where kernel.elf, initramfs.cpio and module-kit are (default: build/)")
    parser.add_argument("--share", choices=("9p", "copy"), default="9p",
                        help="9p: -virtfs, the live folder (default); copy: a cpio appended to the initramfs")
    args = parser.parse_args()
    try:
        return grade(args)
    except (ScenarioError, OSError) as error:
        print(f"grade.py: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
