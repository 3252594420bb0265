"""Boot tests of slub_debug, the debugging kmalloc: freed objects are poisoned
and checked when handed out again, double frees are refused. One test proves
it reports; one runs the module-parameter and fork paths under it, where a
corruption was once seen, and expects no report."""

import os
import re
import shutil
import tempfile

from checks import expect_no_trouble, user_output
from qemu import EXIT_SUCCESS, Qemu
from registry import boot_test, expect
from shell import Shell


@boot_test
def slub_debug_reports_misuse(build_dir):
    """With slub_debug, a double free and a write after free (the mm_slub_debug
    self-test makes both on purpose) are reported in SLUB's words, and the
    double free does not hand the object out twice."""
    with Qemu(build_dir, append="test_exit slub_debug ktest=mm_slub_debug") as qemu:
        status = qemu.wait_exit(timeout=120)
        text = qemu.output()
        expect("slub_debug: freed objects poisoned, double frees checked" in text, "slub_debug is not on")
        expect("BUG kmalloc-32 (Not tainted): Object already free" in text, "no report of the double free")
        expect(re.search(r"BUG kmalloc-1024 \(Not tainted\): Poison overwritten\n.*\n?.*INFO: 0x\w+-0x\w+ @offset=100\. "
                         r"First byte 0x0 instead of 0x6b", text), "no report of the write after free")
        expect("Call Trace:" in text, "the reports have no backtrace")
        expect(re.search(r"\] ok \d+ mm_slub_debug", text) and "not ok" not in text, "the self-test failed")
        expect(status == EXIT_SUCCESS, f"exit status {status}")


@boot_test
def slub_debug_module_params_and_fork(build_dir):
    """Under slub_debug: insmod with parameters from the host folder, their sysfs
    files, rmmod, and the shell's forks, twenty times over: no report, no oops."""
    module = os.path.join(build_dir, "target", "modules", "hello_params.ko")
    share = tempfile.mkdtemp(prefix="kernlab-slub-")
    try:
        shutil.copy(module, share)
        virtfs = ["-virtfs", f"local,path={share},mount_tag=host,security_model=none,id=host"]
        with Shell(build_dir, append="slub_debug", extra_args=virtfs) as sh:
            expect("slub_debug: freed objects poisoned" in sh.output(), "slub_debug is not on")
            for _ in range(20):
                out = user_output(sh, 'insmod /mnt/host/hello_params.ko myint=5 mystring="a b" myarray=7,8 '
                                      '&& cat /sys/module/hello_params/parameters/mystring '
                                      '&& rmmod hello_params && ls /proc | wc -l > /dev/null && echo done')
                expect(out.endswith("a b\ndone"), f"a round of insmod/rmmod:\n{out}")
            expect("BUG kmalloc" not in sh.output(), "slub_debug reported a problem")
            expect_no_trouble(sh)
    finally:
        shutil.rmtree(share, ignore_errors=True)
