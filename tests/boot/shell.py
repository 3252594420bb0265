"""A kernlab shell over the serial console, for boot tests that type commands:
boot, wait for the prompt, run a command, get what it printed."""

import re
import time

from qemu import BootTestFailure, Qemu

PROMPT = re.compile(r"(\w+)@kernlab:([^\n]*?)([#$]) $")


class Shell:
    """Boots kernlab (QEMU -kernel by default, or the ISO) to its shell."""

    def __init__(self, build_dir, append="", iso=False, boot_timeout=90, extra_args=(), memory="128M", initrd=None):
        self.qemu = Qemu(build_dir, iso=iso, append=append, extra_args=extra_args, memory=memory, initrd=initrd)
        self._consumed = 0
        try:
            self.wait_prompt(timeout=boot_timeout)
        except BootTestFailure:
            self.qemu.kill()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.qemu.kill()
        return False

    def output(self):
        return self.qemu.output()

    def wait_prompt(self, timeout=30):
        """Waits for a prompt after everything read so far; returns the text before it."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.qemu.output()
            tail = text[self._consumed:]
            match = None
            for match in PROMPT.finditer(tail):
                pass
            if match and match.end() == len(tail):
                before = tail[:match.start()]
                self._consumed = len(text)
                return before
            if self.qemu.process.poll() is not None:
                raise BootTestFailure(f"QEMU exited ({self.qemu.process.returncode}) while waiting for the prompt")
            if time.monotonic() > deadline:
                raise BootTestFailure(f"no shell prompt within {timeout}s")
            time.sleep(0.05)

    def run(self, command, timeout=30):
        """Types `command` and Enter; returns its output (without the echoed command line)."""
        self.qemu.send(command + "\r")
        text = self.wait_prompt(timeout)
        # The shell echoes the command; the output starts on the next line. A
        # command longer than the line is echoed wrapped, with line breaks in it.
        echo = re.match("".join(re.escape(c) + "\n?" for c in command) + "\n", text)
        if echo:
            return text[echo.end():]
        first_newline = text.find("\n")
        return text[first_newline + 1:] if first_newline >= 0 else ""

    def send(self, text):
        self.qemu.send(text)

    def wait_for(self, pattern, timeout=30):
        match = self.qemu.wait_for(pattern, timeout=timeout, start=self._consumed)
        return match
