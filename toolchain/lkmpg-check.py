#!/usr/bin/env python3
"""Builds the listings of the Linux Kernel Module Programming Guide, verbatim,
with kernlab's module kit, as a student copying them would.

    toolchain/lkmpg-check.py GUIDE.txt [--kit build/module-kit] [--keep DIR] [-v]

GUIDE.txt is the guide as plain text (the 2.6 edition is the course seed
shared/seeds/lkmpg-2.6.4.txt; the guide is not part of this repository). Each
"Example N-M. name.c" listing is cut out (it ends where the prose starts
again), put in a folder of its chapter with a two-line Makefile, and built
with `make -C KIT M=DIR modules`; listings that are programs (they have a
main()) are built with `i686-linux-gnu-gcc -static` instead. Prints one line
a listing (ok, or the first error) and a count; exits non-zero when one fails.
"""

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADING = re.compile(r"^Example (\d+)-(\d+)\. (\S+\.[ch])\s*$")
# Listings the guide builds together (its Makefile for chapter 2, Example 2-10).
MODULES_OF_FILES = {"start.c": "startstop", "stop.c": "startstop"}


def is_prose(line, in_comment):
    """Whether `line` is the guide's prose again, after a listing: a heading, or
    outside a comment a sentence (five words or more that end as prose does, not
    with code's ; { } , ) or a line continuation)."""
    stripped = line.strip()
    if re.match(r"^(Example \d+-\d+\.|Chapter \d+\.|\d+(\.\d+)+\. |\[\d+-\d+)", stripped):
        return True   # a heading, or a footnote
    if in_comment or not stripped[:1].isalpha():
        return False
    code = re.sub(r"/\*.*?(\*/|$)|//.*$", "", stripped).strip()   # without its comments
    if not code or code[-1] in ";{},)\\" or re.search(r"[;=]", code):
        return False
    words = len(code.split())
    return words >= 5 or (words >= 2 and code[0].isupper() and code[-1] in ".:")


def comment_state(line, in_comment):
    """Whether a /* comment is still open after `line`."""
    for token in re.findall(r"/\*|\*/", re.sub(r'"([^"\\]|\\.)*"', '""', line)):
        in_comment = token == "/*"
    return in_comment


def extract(text):
    """[(chapter, name, source)] in the guide's order."""
    lines = text.splitlines()
    listings = []
    i = 0
    while i < len(lines):
        match = HEADING.match(lines[i])
        if not match:
            i += 1
            continue
        body = []
        i += 1
        in_comment = False
        while i < len(lines) and not is_prose(lines[i], in_comment):
            body.append(lines[i])
            in_comment = comment_state(lines[i], in_comment)
            i += 1
        source = "\n".join(body).strip("\n") + "\n"
        listings.append((int(match.group(1)), match.group(3), source))
    return listings


def first_error(log):
    for line in log.splitlines():
        if re.search(r"(error|Error|ERROR|undefined)", line):
            return line.strip()
    return log.strip().splitlines()[-1] if log.strip() else "(no output)"


def build(listings, kit, root, verbose):
    by_chapter = collections.defaultdict(list)
    for chapter, name, source in listings:
        folder = os.path.join(root, f"chapter{chapter:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w") as out:
            out.write(source)
        by_chapter[chapter].append((name, source))
    results = []
    for chapter, files in sorted(by_chapter.items()):
        folder = os.path.join(root, f"chapter{chapter:02d}")
        modules = collections.OrderedDict()
        for name, source in files:
            if not name.endswith(".c"):
                continue
            if re.search(r"\bmain\s*\(", source):
                results.append(build_program(folder, name, verbose))
            else:
                modules.setdefault(MODULES_OF_FILES.get(name, name[:-2]), []).append(name)
        for module, sources in modules.items():
            results.append(build_module(kit, folder, module, sources, verbose))
    return results


def build_module(kit, folder, module, sources, verbose):
    work = os.path.join(folder, module + ".build")
    os.makedirs(work, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith((".c", ".h")) and (name in sources or name.endswith(".h")):
            shutil.copy(os.path.join(folder, name), work)
    with open(os.path.join(work, "Makefile"), "w") as makefile:
        makefile.write(f"obj-m += {module}.o\n")
        if sources != [module + ".c"]:
            makefile.write(f"{module}-objs := " + " ".join(s[:-2] + ".o" for s in sources) + "\n")
    run = subprocess.run(["make", "-C", kit, f"M={work}", "modules"], capture_output=True, text=True)
    log = run.stdout + run.stderr
    ok = run.returncode == 0 and os.path.exists(os.path.join(work, module + ".ko"))
    if verbose and not ok:
        print(log)
    label = f"{os.path.basename(folder)}/{' + '.join(sources)}"
    return (label, "module", ok, "" if ok else first_error(log))


def build_program(folder, name, verbose):
    output = os.path.join(folder, name[:-2])
    run = subprocess.run(["i686-linux-gnu-gcc", "-static", "-O2", "-o", output, os.path.join(folder, name)],
                         capture_output=True, text=True, cwd=folder)
    log = run.stdout + run.stderr
    if verbose and run.returncode:
        print(log)
    return (f"{os.path.basename(folder)}/{name}", "program", run.returncode == 0,
            "" if run.returncode == 0 else first_error(log))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("guide")
    parser.add_argument("--kit", default=os.path.join(REPO, "build", "module-kit"))
    parser.add_argument("--keep", help="build in DIR and keep it (default: a temporary folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the whole log of a failed build")
    args = parser.parse_args()
    with open(args.guide, encoding="utf-8", errors="replace") as guide:
        listings = extract(guide.read())
    if not listings:
        sys.exit(f"lkmpg-check: no 'Example N-M. name.c' listings in {args.guide}")
    root = args.keep or tempfile.mkdtemp(prefix="lkmpg-")
    try:
        results = build(listings, os.path.abspath(args.kit), root, args.verbose)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    for label, kind, ok, error in results:
        print(f"{'ok    ' if ok else 'FAILED'} {kind:8} {label}" + (f": {error}" if error else ""))
    for kind in ("module", "program"):
        built = sum(1 for r in results if r[1] == kind and r[2])
        total = sum(1 for r in results if r[1] == kind)
        print(f"lkmpg-check: {built} of {total} {kind}s build")
    sys.exit(0 if all(r[2] for r in results) else 1)


if __name__ == "__main__":
    main()
