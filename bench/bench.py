#!/usr/bin/env python3
"""kernlab against Debian 12's own Linux, in one run: builds one static i386
benchmark program (lkbench, glibc), boots each kernel in the same QEMU
configuration (TCG, same -m, one CPU), runs the same guest script
(bench/guest.sh) on both, and prints one table of medians.

    bench/bench.py --build-dir build [--boots 3] [--quick]

The boots interleave (kernlab, Linux, Linux, kernlab, ...) so that a noisy
machine weighs on both alike. Linux is Debian's linux-image-686, fetched with
apt by toolchain/fetch-linux.sh, with a busybox initramfs made here.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "tests", "boot"))
sys.path.insert(0, os.path.join(REPO, "toolchain"))

from collected_output import CollectedOutput  # noqa: E402
from newc import Archive  # noqa: E402
import table  # noqa: E402

MEMORY = "256M"
KERNLAB_PROMPT = r"root@kernlab:/# $"
LINUX_READY = r"bench: ready"
ROW = re.compile(r"^lkbench: (\S+) (\S+) (.*)$", re.M)


class GuestFailure(Exception):
    pass


class Guest:
    """One QEMU process with its serial console on a pipe."""

    def __init__(self, args):
        self.args = ["qemu-system-i386", "-accel", "tcg", "-m", MEMORY, "-display", "none",
                     "-serial", "stdio", "-no-reboot"] + args
        self.started = time.monotonic()
        self.process = subprocess.Popen(self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT)
        self._output = CollectedOutput(self.process.stdout)

    def text(self):
        # Without ESC [ 6 n, busybox's "where is the cursor?", which nothing answers here.
        return self._output.text().replace("\r", "").replace("\x1b[6n", "")

    def wait_for(self, pattern, timeout):
        """Seconds from QEMU's start until `pattern` appeared."""
        regex = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while not regex.search(self.text()):
            if self.process.poll() is not None:
                time.sleep(0.2)
                if regex.search(self.text()):
                    break
                raise GuestFailure(f"QEMU exited before {pattern!r}:\n{self.text()[-3000:]}")
            if time.monotonic() > deadline:
                raise GuestFailure(f"no {pattern!r} within {timeout} s:\n{self.text()[-3000:]}")
            time.sleep(0.01)
        return time.monotonic() - self.started

    def send(self, text):
        self.process.stdin.write(text.encode())
        self.process.stdin.flush()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._output.join()


def compile_programs(out):
    """lkbench (glibc, static) and tiny (no libc): the same files on both kernels."""
    os.makedirs(out, exist_ok=True)
    cc = ["i686-linux-gnu-gcc", "-static", "-O2", "-Wall"]
    subprocess.run(cc + ["-o", f"{out}/lkbench", f"{HERE}/lkbench.c"], check=True)
    subprocess.run(cc + ["-nostdlib", "-o", f"{out}/tiny", f"{HERE}/tiny.c"], check=True)


def add_payload(archive, out, busybox, run_script):
    """/bench: the programs, the guest script, busybox (the 2 MB binary of the
    exec row) and /bench/run, which starts the script with this run's values."""
    archive.directory("bench")
    archive.file("bench/lkbench", f"{out}/lkbench")
    archive.file("bench/tiny", f"{out}/tiny")
    archive.file("bench/busybox", busybox)
    archive.file("bench/guest.sh", f"{HERE}/guest.sh")
    archive.text("bench/run", run_script, 0o755)


def guest_command(disk, module, module_name, ms, mib):
    return f"sh /bench/guest.sh {disk} {module} {module_name} {ms} {mib}\n"


def kernlab_initrd(build_dir, out, busybox, ms, mib):
    """kernlab's own initramfs with the payload appended (the kernel unpacks
    concatenated archives, as Linux does)."""
    sectors = disk_mib(mib) * 2048
    archive = Archive()
    add_payload(archive, out, busybox,
                f"insmod /lib/modules/memdrive.ko nsectors={sectors}\n"
                + guest_command("/dev/memdrive", "/lib/modules/hello.ko", "hello", ms, mib))
    path = f"{out}/kernlab-initrd.cpio"
    with open(os.path.join(build_dir, "initramfs.cpio"), "rb") as own, open(path, "wb") as combined:
        combined.write(own.read())
        combined.write(archive.bytes())
    return path


LINUX_INIT = """#!/bin/sh
echo "bench: ready"
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# ext4 (which mounts ext2 here) and what it needs, then the RAM disk.
for module in crc16 mbcache jbd2 crc32c_generic ext4; do
    insmod /lib/modules/$module.ko
done
insmod /lib/modules/brd.ko rd_nr=1 rd_size={disk_kib}
sh /bench/run
poweroff -f
"""


def linux_initrd(linux, out, busybox, ms, mib):
    """A busybox initramfs: /init mounts /proc, /sys and /dev, loads the
    modules, runs /bench/run and powers off."""
    archive = Archive()
    for directory in ("bin", "dev", "proc", "sys", "lib", "lib/modules"):
        archive.directory(directory)
    archive.char_device("dev/console", 5, 1)
    archive.file("bin/busybox", busybox, 0o755)
    archive.symlink("bin/sh", "busybox")
    archive.text("init", LINUX_INIT.replace("{disk_kib}", str(disk_mib(mib) * 1024)), 0o755)
    for module in sorted(os.listdir(f"{linux}/modules")):
        archive.file(f"lib/modules/{module}", f"{linux}/modules/{module}", 0o644)
    add_payload(archive, out, busybox,
                guest_command("/dev/ram0", "/lib/modules/crc-itu-t.ko", "crc_itu_t", ms, mib))
    path = f"{out}/linux-initrd.cpio"
    with open(path, "wb") as initrd:
        initrd.write(archive.bytes())
    return path


def disk_mib(mib):
    return max(mib, 8)


GRUB_CFG = """serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
menuentry "bench" {{
    {kernel}
    {initrd}
    boot
}}
"""


def gzipped(path):
    """path + ".gz", as gzip -9 -n makes it."""
    with open(path, "rb") as plain, open(path + ".gz", "wb") as packed:
        packed.write(gzip.compress(plain.read(), compresslevel=9, mtime=0))
    return path + ".gz"


def make_iso(out, name, files, kernel_line, initrd_line):
    """A GRUB ISO whose one entry boots at once: the boot-time row via the ISO."""
    root = f"{out}/{name}-iso"
    os.makedirs(f"{root}/boot/grub", exist_ok=True)
    for target, source in files.items():
        subprocess.run(["cp", source, f"{root}/boot/{target}"], check=True)
    with open(f"{root}/boot/grub/grub.cfg", "w") as cfg:
        cfg.write(GRUB_CFG.format(kernel=kernel_line, initrd=initrd_line))
    iso = f"{out}/{name}.iso"
    subprocess.run(["grub-mkrescue", "-d", "/usr/lib/grub/i386-pc", "-o", iso, root],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return iso


class Kernel:
    def __init__(self, name, direct_args, iso, ready, start_command):
        self.name = name
        self.direct_args = direct_args  # QEMU's -kernel/-initrd/-append
        self.iso = iso
        self.ready = ready              # the serial line that means "user space is up"
        self.start_command = start_command


def run_rows(kernel, timeout):
    """Boots with -kernel, runs the guest script; returns its rows and the boot time."""
    guest = Guest(kernel.direct_args)
    try:
        boot = guest.wait_for(kernel.ready, timeout=120)
        if kernel.start_command:
            guest.send(kernel.start_command)
        guest.wait_for(r"^bench: done$", timeout=timeout)
        text = guest.text()
    finally:
        guest.kill()
    rows = {"boot_kernel": (boot * 1000, "ms")}
    for name, value, unit in ROW.findall(text):
        rows[name] = (float(value), unit) if value != "n/a" else (None, None)
    for complaint in re.findall(r"^(bench: .* failed|lkbench: .*(?:error|Error).*)$", text, re.M):
        print(f"{kernel.name}: {complaint}", file=sys.stderr)
    return rows


def iso_boot_ms(kernel):
    guest = Guest(["-cdrom", kernel.iso])
    try:
        return guest.wait_for(kernel.ready, timeout=120) * 1000
    finally:
        guest.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True, help="kernlab's build folder (kernel.elf, initramfs.cpio)")
    parser.add_argument("--boots", type=int, default=3, help="boots of each kernel (default 3)")
    parser.add_argument("--ms", type=int, default=300, help="time budget of each timed row, ms (default 300)")
    parser.add_argument("--mib", type=int, default=32, help="MiB moved by each RAM-disk row (default 32)")
    parser.add_argument("--quick", action="store_true", help="one boot each, short rows: checks that it runs")
    args = parser.parse_args()
    if args.quick:
        args.boots, args.ms, args.mib = 1, 20, 4

    build_dir = os.path.abspath(args.build_dir)
    out = os.path.join(build_dir, "bench")
    linux = os.path.join(REPO, ".cache", "linux")
    busybox = os.path.join(REPO, ".cache", "busybox", "busybox")
    subprocess.run([os.path.join(REPO, "toolchain", "fetch-linux.sh")], check=True)
    with open(f"{linux}/release") as release:
        linux_release = release.read().strip()
    compile_programs(out)

    kernlab_cpio = kernlab_initrd(build_dir, out, busybox, args.ms, args.mib)
    linux_cpio = linux_initrd(linux, out, busybox, args.ms, args.mib)
    kernel_elf = os.path.join(build_dir, "kernel.elf")
    # The ISOs hold what kernlab's own does: the kernel without DWARF and a
    # gzip'd initramfs (Linux's too).
    iso_kernel = f"{out}/kernel-stripped.elf"
    subprocess.run(["i686-linux-gnu-strip", "--strip-debug", "-o", iso_kernel, kernel_elf], check=True)
    kernels = [
        Kernel("kernlab", ["-kernel", kernel_elf, "-initrd", kernlab_cpio],
               make_iso(out, "kernlab", {"kernel.elf": iso_kernel, "initrd.cpio.gz": gzipped(kernlab_cpio)},
                        "multiboot2 /boot/kernel.elf", "module2 --nounzip /boot/initrd.cpio.gz initramfs"),
               KERNLAB_PROMPT, "sh /bench/run; poweroff -f\r"),
        Kernel(f"Linux {linux_release}",
               ["-kernel", f"{linux}/vmlinuz", "-initrd", linux_cpio, "-append", "console=ttyS0 quiet"],
               make_iso(out, "linux", {"vmlinuz": f"{linux}/vmlinuz", "initrd.cpio.gz": gzipped(linux_cpio)},
                        "linux /boot/vmlinuz console=ttyS0 quiet", "initrd /boot/initrd.cpio.gz"),
               LINUX_READY, None),
    ]

    samples = {kernel.name: {} for kernel in kernels}
    row_timeout = 600 if not args.quick else 300
    for boot in range(args.boots):
        order = kernels if boot % 2 == 0 else kernels[::-1]
        for kernel in order:
            print(f"bench: boot {boot + 1}/{args.boots}: {kernel.name}", file=sys.stderr, flush=True)
            rows = run_rows(kernel, row_timeout)
            rows["boot_iso"] = (iso_boot_ms(kernel), "ms")
            for name, (value, unit) in rows.items():
                entry = samples[kernel.name].setdefault(name, {"unit": None, "values": []})
                entry["values"].append(value)
                entry["unit"] = entry["unit"] or unit

    names = [kernel.name for kernel in kernels]
    print(table.render(samples, names, args))
    absent = table.missing(samples, names)
    if absent:
        print("bench: rows without a result: " + ", ".join(absent), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
