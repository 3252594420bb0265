"""What the boot tests check in a shell session, written once: a command's own
output (the kernel's console lines taken out), its exit status, and a
transcript free of oopses and panics."""

import re
import time

from registry import expect

# A printk line on the console ("[    1.234567] ..."), interleaved with user output.
KERNEL_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] .*\n?", re.M)
KERNEL_TROUBLE = ["Oops", "general protection", "Kernel panic", "BUG:", "Call Trace"]


def user_output(sh, command, timeout=60):
    """What `command` printed, without the kernel's console lines, stripped."""
    return KERNEL_LINE.sub("", sh.run(command, timeout=timeout)).strip()


def meminfo_kb(sh, field):
    """A /proc/meminfo field, in kB."""
    match = re.search(rf"^{field}:\s+(\d+) kB$", user_output(sh, "cat /proc/meminfo"), re.M)
    expect(match, f"meminfo has no {field}")
    return int(match.group(1))


def status(sh):
    """The exit status of the command before, as $? says."""
    return sh.run("echo $?").strip()


def run_ok(sh, command, timeout=60):
    """Runs `command`, fails the test unless it exits 0; returns its output."""
    text = user_output(sh, command, timeout)
    code = status(sh)
    expect(code == "0", f"`{command}` exited {code}:\n{text}")
    return text


def expect_no_trouble(sh):
    """Fails the test if the transcript so far has an oops, a panic or a BUG."""
    text = sh.output()
    for marker in KERNEL_TROUBLE:
        expect(marker not in text, f"the transcript has {marker!r}")


def interrupt(sh, command, after, timeout):
    """Starts `command`, types Ctrl-C `after` seconds later and waits for the
    prompt: (seconds from the Ctrl-C to the prompt, what was printed)."""
    sh.send(command + "\r")
    time.sleep(after)
    started = time.monotonic()
    sh.send("\x03")
    text = sh.wait_prompt(timeout=timeout)
    return time.monotonic() - started, text
