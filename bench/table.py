"""bench.py's table: one line a metric, the medians of both kernels, their
ratio, the spread (min-max) and, where there is one, the physical limit
measured in the same kernlab guest."""

import statistics

# name, what it measures, and the row of the limit that bounds it.
ROWS = [
    ("getpid", "getpid()", "int80"),
    ("devnull", "write 1 B to /dev/null", "int80"),
    ("pipe", "pipe ping-pong round trip", None),
    ("yield", "context switch (sched_yield, 2 procs)", None),
    ("fork", "fork+exit+wait", None),
    ("exec_tiny", "fork+exec+wait, tiny static binary", None),
    ("exec_busybox", "fork+exec+wait, busybox true (2 MB)", None),
    ("mmap16m", "mmap+touch+munmap 16 MiB", None),
    ("pagefault", "page fault (anonymous, first touch)", None),
    ("open", "open+close", None),
    ("stat", "stat", None),
    ("create_ramfs", "creat+write 4 KiB+unlink, ramfs", None),
    ("create_ext2", "creat+write 4 KiB+unlink, ext2", None),
]
for where, device in (("disk", "RAM disk"), ("ext2", "ext2 file")):
    for block, size in (("4096", "4 KiB"), ("1048576", "1 MiB")):
        for mode in ("buffered", "direct"):
            for op in ("read", "write"):
                ROWS.append((f"{where}_{op}_{block}_{mode}", f"{device} {op} {size} {mode}", "copy"))
ROWS += [
    ("insmod", "insmod+rmmod, small module", None),
    ("boot_kernel", "boot to shell, QEMU -kernel", None),
    ("boot_iso", "boot to shell, ISO (timeout 0)", None),
    ("int80", "int 0x80, unknown number (limit)", None),
    ("movsl", "rep movsl 1 MiB copy (limit)", None),
    ("memcpy", "glibc memcpy 1 MiB copy (limit)", None),
]

# The disk rows' limit: the faster of the two copies in the same guest.
COPY_ROWS = ("movsl", "memcpy")


def _number(value):
    if value is None:
        return "n/a"
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def _median(entry):
    values = [v for v in entry["values"] if v is not None] if entry else []
    return statistics.median(values) if values else None


def _spread(entry):
    values = [v for v in entry["values"] if v is not None] if entry else []
    return f"{_number(min(values))}-{_number(max(values))}" if values else "n/a"


def _limit(rows, limit):
    if limit == "copy":
        copies = [_median(rows.get(name)) for name in COPY_ROWS]
        copies = [value for value in copies if value]
        return max(copies) if copies else None
    return _median(rows.get(limit))


def render(samples, kernel_names, args):
    """samples: {kernel: {row: {"unit": u, "values": [...]}}}; kernel_names[0] is kernlab."""
    ours, theirs = kernel_names
    lines = [
        f"kernlab vs {theirs}: medians of {args.boots} boot(s) each, interleaved; "
        f"QEMU TCG, -m 256M, 1 CPU; {args.ms} ms a row, {args.mib} MiB a disk row",
        "ratio = kernlab's time / Linux's time (for MB/s rows: Linux MB/s / kernlab MB/s): "
        "below 1 is kernlab faster",
        "",
        f"{'metric':<40} {'unit':>5} {'kernlab':>9} {'Linux':>9} {'ratio':>6}  "
        f"{'kernlab spread':>15} {'Linux spread':>15} {'limit':>9}",
    ]
    for name, description, limit in ROWS:
        mine, other = samples[ours].get(name), samples[theirs].get(name)
        unit = (mine or {}).get("unit") or (other or {}).get("unit") or "-"
        a, b = _median(mine), _median(other)
        if a and b:
            ratio = f"{(b / a if unit.endswith('/s') else a / b):.2f}"
        else:
            ratio = "-"
        bound = _number(_limit(samples[ours], limit)) if limit else ""
        lines.append(f"{description:<40} {unit:>5} {_number(a):>9} {_number(b):>9} {ratio:>6}  "
                     f"{_spread(mine):>15} {_spread(other):>15} {bound:>9}")
    return "\n".join(lines)


def missing(samples, kernel_names):
    """The rows some kernel printed no line for at all (a crash, a script
    error): a refusal ("n/a") is a result, a missing line is not."""
    return [f"{kernel}: {name}" for kernel in kernel_names for name, _, _ in ROWS
            if name not in samples[kernel]]
