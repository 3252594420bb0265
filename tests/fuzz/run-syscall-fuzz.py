#!/usr/bin/env python3
"""The long system call fuzzing campaign: boots kernlab in QEMU (TCG) and runs
sysfuzz in rounds of --round calls, as root and as uid 1000 in turn, with seeds
--seed, --seed+1, ... until --calls calls are made. Every round's seed is
logged. It stops at the first round after which the serial log shows the kernel
in trouble (an oops, BUG:, a panic, a soft lockup, or QEMU gone or hung), and
prints that round's seed and the command that replays it; a child the kernel
could not kill counts too.

    tests/fuzz/run-syscall-fuzz.py --build-dir /work/build-x --calls 1000000
    tests/fuzz/run-syscall-fuzz.py --build-dir /work/build-x --seed 7 --calls 20000 --uid 1000

Exit status: 0 the kernel stayed up, 1 it did not (the transcript is written to
--log, default sysfuzz-campaign.log)."""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "boot"))
from qemu import BootTestFailure  # noqa: E402
from shell import Shell  # noqa: E402

# What a healthy kernel never prints. "general protection fault:" with the colon
# is the kernel's own oops; a user program's trap is logged as "trap general
# protection fault ip:...".
TROUBLE = re.compile(r"Oops|BUG:|Kernel panic|Call Trace|general protection fault:|WARNING:|soft lockup -")
SUMMARY = re.compile(r"sysfuzz: seed (\d+): (\d+) calls in (\d+) batches: .*: (kernel ok|FAILED)")


def run_watching(sh, command, timeout):
    """Runs `command`, printing sysfuzz's progress lines as they come; returns
    (its output, None) or (what it printed so far, why it did not finish)."""
    mark = len(sh.output())
    shown = mark
    sh.send(command + "\r")
    deadline = time.monotonic() + timeout
    while True:
        try:
            return sh.wait_prompt(timeout=15), None
        except BootTestFailure as error:
            text = sh.output()
            for line in text[shown:].split("\n")[:-1]:
                if line.startswith("sysfuzz:"):
                    print(f"          {line}", flush=True)
            shown = text.rfind("\n", shown) + 1 or shown
            if TROUBLE.search(text, mark):   # a panic never gives the prompt back
                time.sleep(5)
                return sh.output()[mark:], "the kernel is in trouble (see the transcript)"
            if sh.qemu.process.poll() is not None or time.monotonic() > deadline:
                return text[mark:], str(error) if sh.qemu.process.poll() is not None else f"no prompt in {timeout}s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--calls", type=int, default=1000000, help="calls in all (default 10^6)")
    parser.add_argument("--round", type=int, default=20000, help="calls per sysfuzz run (default 20000)")
    parser.add_argument("--batch", type=int, default=100, help="calls per forked child (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="the first round's seed (default 1)")
    parser.add_argument("--uid", choices=["both", "0", "1000"], default="both",
                        help="who runs the rounds: both in turn (default), root or uid 1000")
    parser.add_argument("--append", default="watchdog_thresh=5", help="extra kernel command line")
    parser.add_argument("--log", default="sysfuzz-campaign.log", help="where the serial transcript goes")
    args = parser.parse_args()

    uids = {"both": ["0", "1000"], "0": ["0"], "1000": ["1000"]}[args.uid]
    done = {"0": 0, "1000": 0}
    seed, round_number = args.seed, 0
    started = time.monotonic()
    failure = None
    sh = Shell(args.build_dir, append=args.append)
    try:
        while sum(done.values()) < args.calls:
            uid = uids[round_number % len(uids)]
            calls = min(args.round, args.calls - sum(done.values()))
            command = f"sysfuzz -s {seed} -n {calls} -k {args.batch}"
            if uid != "0":
                command = f"runas {uid} {command}"
            mark = len(sh.output())
            print(f"[{time.monotonic() - started:7.0f}s] round {round_number}: uid {uid}: {command}", flush=True)
            text, error = run_watching(sh, command, timeout=max(300, calls // 20))
            if error:
                failure = f"round {round_number} (seed {seed}, uid {uid}): the kernel hung or died: {error}"
                break
            summary = SUMMARY.search(text)
            trouble = TROUBLE.search(sh.output(), mark)
            if summary:
                done[uid] += int(summary.group(2))
            if trouble or not summary or summary.group(4) != "kernel ok":
                where = sh.output()[trouble.start():trouble.start() + 1500] if trouble else text[-600:]
                replay = re.search(r"sysfuzz: replay: .*", text)
                failure = (f"round {round_number} (seed {seed}, uid {uid}): kernel trouble:\n{where}\n"
                           + (replay.group(0) if replay else f"replay: {command} (sysfuzz names the batch)"))
                break
            print(f"          {summary.group(2)} calls; root {done['0']}, uid 1000 {done['1000']}", flush=True)
            seed += 1
            round_number += 1
    finally:
        with open(args.log, "w") as log:
            log.write(sh.output())
        sh.qemu.kill()
    elapsed = time.monotonic() - started
    print(f"calls: root {done['0']}, uid 1000 {done['1000']}, {elapsed:.0f}s; transcript in {args.log}")
    if failure:
        print(f"FAILED: {failure}")
        return 1
    print("the kernel stayed up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
