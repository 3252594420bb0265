"""Debugging kernlab with gdb: QEMU halted with its gdb stub (-S -gdb), gdb in
batch mode with toolchain/gdb/kernlab.py attached to it, and the shell typed at
over the serial console. Also the oops of a module naming the module."""

import os
import re
import signal
import socket
import subprocess
import tempfile
import time

from collected_output import CollectedOutput

from qemu import BootTestFailure, Qemu
from registry import boot_test, expect
from shell import Shell

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HELLO_C = os.path.join(REPO, "drivers", "samples", "hello", "hello.c")
PROMPT = r"root@kernlab:[^\n]*# $"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port, timeout=10):
    """Waits until something listens on 127.0.0.1:port, without connecting
    (QEMU's stub takes one connection: a probe would use it up)."""
    wanted = f":{port:04X} "
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open("/proc/net/tcp") as table:
            if any(wanted in line and line.split()[3] == "0A" for line in table):
                return
        time.sleep(0.05)
    raise BootTestFailure(f"QEMU's gdb stub is not listening on port {port}")


class Gdb:
    """gdb -batch running a script, its output collected as it comes."""

    def __init__(self, build_dir, script):
        self._script = tempfile.NamedTemporaryFile("w", suffix=".gdb", prefix="kernlab-", delete=False)
        self._script.write(script)
        self._script.close()
        self.process = subprocess.Popen(
            ["gdb", "-nx", "-q", "-batch", "-x", self._script.name, os.path.join(build_dir, "kernel.elf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._output = CollectedOutput(self.process.stdout)

    def output(self):
        return self._output.text()

    def wait_for(self, pattern, timeout=60):
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.output()):
            if self.process.poll() is not None:
                time.sleep(0.2)
                if re.search(pattern, self.output()):
                    break
                raise BootTestFailure(f"gdb exited before {pattern!r}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise BootTestFailure(f"gdb: no {pattern!r} within {timeout}s:\n{self.output()}")
            time.sleep(0.05)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._output.join(timeout=5)
        os.unlink(self._script.name)


def hello_printk_line():
    with open(HELLO_C) as source:
        for number, line in enumerate(source, 1):
            if 'printk(KERN_INFO "Hello, world!' in line:
                return number
    raise BootTestFailure("hello.c has no Hello, world! line")


@boot_test
def gdb_module_breakpoint(build_dir):
    """QEMU starts halted (-S) and gdb attaches; kl-symbols follows an insmod
    typed at the shell, so a breakpoint set on hello_init before the module
    exists stops there: bt names hello_init at hello.c:LINE and the loader's
    frames; list shows the source; kl-lsmod, kl-ps and kl-dmesg read the kernel;
    Ctrl-C (SIGINT to gdb) stops the running kernel and QEMU survives it."""
    port = free_port()
    script = f"""set pagination off
set confirm off
set breakpoint pending on
source {REPO}/toolchain/gdb/kernlab.py
target remote 127.0.0.1:{port}
kl-symbols
break hello_init
continue
echo <<bt>>\\n
bt
echo <<list>>\\n
list
echo <<lsmod>>\\n
kl-lsmod
echo <<ps>>\\n
kl-ps
echo <<continue>>\\n
continue
echo <<interrupted>>\\n
kl-dmesg
echo <<end>>\\n
kill
"""
    line = hello_printk_line()
    with Qemu(build_dir, extra_args=["-S", "-gdb", f"tcp:127.0.0.1:{port}"]) as qemu:
        wait_listening(port)
        gdb = Gdb(build_dir, script)
        try:
            gdb.wait_for(r"following insmod", timeout=30)
            qemu.wait_for(PROMPT, timeout=120)
            qemu.send("insmod /lib/modules/hello.ko\r")
            gdb.wait_for(r"<<continue>>", timeout=60)
            # The kernel runs again: insmod ends and the shell prompts.
            prompt_at = qemu.output().rfind("insmod /lib/modules/hello.ko")
            qemu.wait_for(PROMPT, timeout=30, start=prompt_at)
            time.sleep(0.5)
            gdb.process.send_signal(signal.SIGINT)   # what Ctrl-C in gdb's terminal does
            gdb.wait_for(r"<<end>>", timeout=30)
            gdb.process.wait(timeout=30)
        finally:
            out = gdb.output()
            gdb.close()
        def check(condition, message):   # a failure shows what gdb printed
            expect(condition, f"{message}\n---- gdb output ----\n{out}")
        section = lambda name: out.split(f"<<{name}>>")[1].split("<<")[0] if f"<<{name}>>" in out else ""
        check("kl-symbols: hello from " in out, "kl-symbols did not load hello.ko at the insmod")
        check(re.search(r"Breakpoint \d+, (0x[0-9a-f]+ in )?hello_init \(\) at \S*hello\.c:" + str(line), out),
               "the breakpoint on hello_init did not stop there")
        bt = section("bt")
        check(re.search(r"#0\s+(0x[0-9a-f]+ in )?hello_init \(\) at \S*drivers/samples/hello/hello\.c:" + str(line), bt),
               f"bt does not name hello_init at hello.c:{line}")
        check("do_init_module" in bt and "load_module" in bt, "bt lacks the loader's frames")
        check("Hello, world!" in section("list"), "list does not show hello.c")
        check(re.search(r"0x[0-9a-f]{8} hello\s+\d+\s+coming", section("lsmod")), "kl-lsmod lacks hello")
        check(re.search(r"\s1\s+1\s+0 \S+\s+init\n", section("ps")) and " insmod\n" in section("ps"),
               "kl-ps lacks init or insmod")
        check(re.search(r"(SIGINT|Interrupt)", section("continue")), "Ctrl-C did not stop the kernel")
        check(re.search(r"\[\s*\d+\.\d{6}\] Hello, world!", section("interrupted")), "kl-dmesg lacks the greeting")
        check(qemu.process.poll() is None or "Terminated via GDBstub" in qemu.output(),
               "QEMU died before gdb killed it")


@boot_test
def oops_in_module(build_dir):
    """A NULL write in a module's /proc write: the oops names the module's
    functions with [faulty] and lists the loaded modules; the writing process
    is killed (status 139: SIGSEGV), the shell and the kernel go on."""
    with Shell(build_dir) as sh:
        sh.run("insmod /lib/modules/faulty.ko")
        out = sh.run("sh -c 'echo 1 > /proc/faulty'; echo status=$?")
        text = sh.output()
        expect("BUG: kernel NULL pointer dereference, address: 00000000" in text, "no oops")
        expect(re.search(r"EIP: faulty_poke\+0x[0-9a-f]+/0x[0-9a-f]+ \[faulty\]", text),
               "the oops EIP does not name faulty_poke [faulty]")
        expect(re.search(r" \[<[0-9a-f]{8}>\] faulty_write\+0x[0-9a-f]+/0x[0-9a-f]+ \[faulty\]\n", text),
               "the backtrace does not name faulty_write [faulty]")
        expect(re.search(r" \[<[0-9a-f]{8}>\] vfs_write\+0x", text) or re.search(r" \[<[0-9a-f]{8}>\] sys_write", text),
               "the backtrace does not go on into the kernel")
        expect("Modules linked in: faulty\n" in text, "no 'Modules linked in: faulty' line")
        expect("Kernel panic" not in text, "the oops panicked")
        expect("status=139" in out, f"the writer was not killed by SIGSEGV: {out!r}")
        expect("Tainted: G      D" in sh.run("sh -c 'echo 2 > /proc/faulty'") + sh.output(),
               "a second oops does not say Tainted D")
        expect(sh.run("echo still here").strip() == "still here", "the shell did not go on")
        expect("faulty" in sh.run("cat /proc/modules"), "the module is gone")
