#!/usr/bin/env python3
"""Boot-time benchmark: wall time from QEMU's start to the kernel_init() marker
and to the first shell prompt on the serial console (TCG), through GRUB's ISO
and through QEMU's -kernel. The ISO figures include the BIOS and GRUB's 3 s
menu timeout.

    bench_boot.py --build-dir build [--runs 5]
"""

import argparse
import statistics
import time

from qemu import Qemu

MARKERS = {
    "kernel_init() marker": r"#### kernel_init\(\) ####",
    "shell prompt": r"root@kernlab:/# $",
}


def boot_once(build_dir, iso):
    """Seconds from QEMU's start to each marker."""
    with Qemu(build_dir, iso=iso) as qemu:
        times = {}
        for name, pattern in MARKERS.items():
            qemu.wait_for(pattern, timeout=120)
            times[name] = time.monotonic() - qemu.started
        return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for label, iso in (("iso (BIOS + GRUB, 3 s menu)", True), ("-kernel (multiboot 1)", False)):
        runs = [boot_once(args.build_dir, iso) for _ in range(args.runs)]
        for marker in MARKERS:
            samples = [run[marker] for run in runs]
            print(f"{label}: QEMU start -> {marker}: median {statistics.median(samples) * 1000:.0f} ms "
                  f"(min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f}, {args.runs} runs)")


if __name__ == "__main__":
    main()
