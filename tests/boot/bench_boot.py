#!/usr/bin/env python3
"""Boot-time benchmark: wall time from QEMU's start to the kernel_init() marker
on the serial console (TCG), through GRUB's ISO and through QEMU's -kernel.
The ISO figure includes the BIOS and GRUB's menu timeout.

    bench_boot.py --build-dir build [--runs 5]
"""

import argparse
import statistics
import time

from qemu import Qemu

MARKER = r"#### kernel_init\(\) ####"


def boot_once(build_dir, iso):
    with Qemu(build_dir, iso=iso) as qemu:
        qemu.wait_for(MARKER, timeout=120)
        return time.monotonic() - qemu.started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for label, iso in (("iso (BIOS + GRUB, 3 s menu)", True), ("-kernel (multiboot 1)", False)):
        samples = [boot_once(args.build_dir, iso) for _ in range(args.runs)]
        print(f"{label}: QEMU start -> kernel_init() marker: median {statistics.median(samples) * 1000:.0f} ms "
              f"(min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f}, {args.runs} runs)")


if __name__ == "__main__":
    main()
