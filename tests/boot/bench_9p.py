#!/usr/bin/env python3
"""A benchmark, not a test: 9p throughput and the module loop over the host folder.

    python3 tests/boot/bench_9p.py --build-dir build [--runs 3]

Boots kernlab (QEMU TCG, as the boot tests do) with a temporary folder shared
as tag "host" (mounted at /mnt/host by init), then prints
  - write MB/s: dd of 64 MiB from /dev/zero to /mnt/host (bs=1M, then sync),
  - read MB/s: dd of that 64 MiB file to /dev/null (bs=1M),
  - the edit -> build -> insmod loop: edit hello.c on the host, build it with
    the module kit, insmod it from /mnt/host, dmesg | tail, rmmod.
Times are host wall-clock around each shell command (the serial round trip of
a prompt, a few ms, is included); the best of --runs is reported. The md5sum
of the file is checked on both sides once, so a fast wrong answer cannot pass.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell import Shell  # noqa: E402

MIB = 1 << 20
SIZE_MIB = 64


def timed(sh, command, timeout=600):
    start = time.monotonic()
    out = sh.run(command, timeout=timeout)
    return time.monotonic() - start, out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kit = os.path.join(os.path.abspath(args.build_dir), "module-kit")
    sample = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "drivers", "samples", "hello")
    share = tempfile.mkdtemp(prefix="kernlab-bench-9p-")
    try:
        module = os.path.join(share, "hello")
        shutil.copytree(sample, module)
        virtfs = ["-virtfs", f"local,path={share},mount_tag=host,security_model=none,id=host"]
        with Shell(args.build_dir, extra_args=virtfs) as sh:
            writes, reads, loops = [], [], []
            for _ in range(args.runs):
                seconds, _ = timed(sh, f"dd if=/dev/zero of=/mnt/host/bench.bin bs=1M count={SIZE_MIB} 2>/dev/null; sync")
                writes.append(SIZE_MIB / seconds)
                seconds, _ = timed(sh, "dd if=/mnt/host/bench.bin of=/dev/null bs=1M 2>/dev/null")
                reads.append(SIZE_MIB / seconds)
            guest_sum = sh.run("md5sum /mnt/host/bench.bin", timeout=600).split()[-2]
            with open(os.path.join(share, "bench.bin"), "rb") as f:
                host_sum = hashlib.md5(f.read()).hexdigest()
            if guest_sum != host_sum or os.path.getsize(os.path.join(share, "bench.bin")) != SIZE_MIB * MIB:
                print(f"bench_9p: checksum mismatch (guest {guest_sum}, host {host_sum})")
                return 1
            source = os.path.join(module, "hello.c")
            with open(source) as f:
                original = f.read()
            for run in range(args.runs):
                start = time.monotonic()
                with open(source, "w") as f:
                    f.write(original.replace("Hello, world!", f"Hello, run {run}!"))
                subprocess.run(["make", "-s", "-C", kit, f"M={module}", "modules"], check=True,
                               stdout=subprocess.DEVNULL)
                build = time.monotonic() - start
                out = sh.run("insmod /mnt/host/hello/hello.ko && dmesg | tail -n 1 && rmmod hello")
                total = time.monotonic() - start
                if f"Hello, run {run}!" not in out:
                    print(f"bench_9p: the module loop did not load the new module:\n{out}")
                    return 1
                loops.append((total, build))
        print(f"9p write: {max(writes):.1f} MB/s ({SIZE_MIB} MiB, dd bs=1M + sync, best of {args.runs}: "
              + ", ".join(f"{w:.1f}" for w in writes) + ")")
        print(f"9p read:  {max(reads):.1f} MB/s ({SIZE_MIB} MiB, dd bs=1M, best of {args.runs}: "
              + ", ".join(f"{r:.1f}" for r in reads) + ")")
        best = min(loops)
        print(f"edit -> build -> insmod/dmesg/rmmod loop: {best[0] * 1000:.0f} ms "
              f"(host build {best[1] * 1000:.0f} ms; runs: " + ", ".join(f"{t * 1000:.0f}" for t, _ in loops) + " ms)")
        print("MB/s here is MiB per second of host wall-clock time; QEMU TCG, msize 512 KiB")
        return 0
    finally:
        shutil.rmtree(share, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
