"""Runs kernlab in QEMU for boot tests: headless, serial console on a pipe,
isa-debug-exit for the kernel's verdict, the HMP monitor on a socket for
keyboard input. Every wait has a timeout."""

import os
import re
import socket
import subprocess
import tempfile
import time

from collected_output import CollectedOutput

# QEMU's exit status for a value v written to isa-debug-exit is (v << 1) | 1.
EXIT_SUCCESS = 1      # the kernel wrote 0: tests passed
EXIT_PANIC = 3        # 1: panic
EXIT_TEST_FAILED = 5  # 2: ktest failures


CURSOR_QUERY = "\x1b[6n"


class BootTestFailure(Exception):
    pass


class Qemu:
    """One QEMU process. Use as a context manager so it is always killed."""

    started_instances = []  # for printing transcripts when a test fails

    def __init__(self, build_dir, iso=False, append="", extra_args=(), memory="128M", initrd=None):
        self.build_dir = build_dir
        self._monitor_dir = tempfile.mkdtemp(prefix="kernlab-qemu-")
        self.monitor_path = os.path.join(self._monitor_dir, "monitor.sock")
        args = [
            "qemu-system-i386", "-accel", "tcg", "-m", memory,
            "-display", "none", "-serial", "stdio", "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-monitor", f"unix:{self.monitor_path},server,nowait",
        ]
        if iso:
            args += ["-cdrom", os.path.join(build_dir, "kernlab.iso")]
        else:
            args += ["-kernel", os.path.join(build_dir, "kernel.elf"),
                     "-initrd", initrd or os.path.join(build_dir, "initramfs-tests.cpio")]
            # KERNLAB_BOOT_APPEND (e.g. "slub_debug") goes to every -kernel boot.
            append = " ".join(word for word in (append, os.environ.get("KERNLAB_BOOT_APPEND", "")) if word)
            if append:
                args += ["-append", append]
        args += list(extra_args)
        self.args = args
        Qemu.started_instances.append(self)
        self.started = time.monotonic()
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT)
        self._output = CollectedOutput(self.process.stdout)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        return False

    def output(self):
        """Everything QEMU printed so far, as text with CRs removed, and without
        busybox's line-editing query ESC [ 6 n (where is the cursor?), which a
        terminal answers and does not show; here nothing answers, and the shell
        goes on without the answer."""
        return self._output.text().replace("\r", "").replace(CURSOR_QUERY, "")

    def wait_for(self, pattern, timeout=30, start=0):
        """Waits until `pattern` (a regex) appears after offset `start`; returns the match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.output(), start)
            if match:
                return match
            if self.process.poll() is not None:
                time.sleep(0.2)  # let the reader drain the pipe
                match = regex.search(self.output(), start)
                if match:
                    return match
                raise BootTestFailure(f"QEMU exited ({self.process.returncode}) before {pattern!r} appeared")
            if time.monotonic() > deadline:
                raise BootTestFailure(f"timed out after {timeout}s waiting for {pattern!r}")
            time.sleep(0.05)

    def send(self, text):
        """Types on the serial port."""
        self.process.stdin.write(text.encode())
        self.process.stdin.flush()

    def monitor(self, command):
        """Runs one HMP monitor command (e.g. 'sendkey a') and returns its reply,
        once QEMU has finished it (its next prompt appeared)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            sock.connect(self.monitor_path)
            self._read_until_prompt(sock)
            sock.sendall((command + "\n").encode())
            return self._read_until_prompt(sock)

    @staticmethod
    def _read_until_prompt(sock):
        reply = b""
        while not reply.endswith(b"(qemu) "):
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply.decode("utf-8", "replace")

    def wait_exit(self, timeout=60):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BootTestFailure(f"QEMU still running after {timeout}s")

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._output.join(timeout=5)
        try:
            os.unlink(self.monitor_path)
        except OSError:
            pass
        os.rmdir(self._monitor_dir)

    def transcript(self):
        return f"$ {' '.join(self.args)}\n{self.output()}"
