#!/usr/bin/env python3
"""The grader on the course's own answers: each scenario of docs/course/scenarios
passes with a folder made from its `# sample:` lines (the model answers), and a
folder with a wrong message fails with `not ok` lines and a non-zero status.

    grade_samples.py BUILD_DIR [--share 9p|copy] [SCENARIO_NAME ...]
    grade_samples.py BUILD_DIR --failing
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIOS = os.path.join(REPO, "docs", "course", "scenarios")
GRADE = os.path.join(REPO, "toolchain", "grade.py")


def passing_folder(scenario, folder):
    """Copies the scenario's samples (`# sample: SRC [DEST]`, `# makefile: LINE`) to folder."""
    os.makedirs(folder)
    makefile = []
    with open(scenario) as text:
        for line in text:
            match = re.match(r"#\s*sample:\s*(\S+)(?:\s+(\S+))?", line)
            if match:
                source = os.path.join(REPO, match.group(1))
                if os.path.isdir(source):
                    for name in os.listdir(source):
                        shutil.copy(os.path.join(source, name), folder)
                else:
                    shutil.copy(source, os.path.join(folder, match.group(2) or os.path.basename(source)))
            match = re.match(r"#\s*makefile:\s*(.*)", line)
            if match:
                makefile.append(match.group(1))
    if makefile:
        with open(os.path.join(folder, "Makefile"), "w") as out:
            out.write("\n".join(makefile) + "\n")


def grade(build_dir, folder, scenario, share):
    result = subprocess.run([sys.executable, GRADE, folder, scenario, "--build-dir", build_dir, "--share", share],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    return result.returncode, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("--share", default="9p")
    parser.add_argument("--failing", action="store_true", help="check that a wrong answer fails")
    parser.add_argument("names", nargs="*")
    args = parser.parse_intermixed_args()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kernlab-grade-samples-") as tmp:
        if args.failing:
            folder = os.path.join(tmp, "wrong")
            passing_folder(os.path.join(SCENARIOS, "proc-hello.scenario"), folder)
            source = os.path.join(folder, "vfs_proc.c")
            text = open(source).read().replace('"hello: close\\n"', '"hello: release\\n"')
            open(source, "w").write(text)
            status, output = grade(args.build_dir, folder, os.path.join(SCENARIOS, "proc-hello.scenario"), args.share)
            wrong = re.findall(r"^not ok \d+ - .*$", output, re.M)
            good = status == 1 and len(wrong) == 1 and "hello: close" in wrong[0] and "# ---- transcript ----" in output
            print(output)
            print(f"{'PASS' if good else 'FAIL'}: a wrong /proc/hello answer gives exit {status} and {wrong}")
            return 0 if good else 1
        names = args.names or sorted(os.path.basename(p)[:-len(".scenario")]
                                     for p in glob.glob(os.path.join(SCENARIOS, "*.scenario")))
        for name in names:
            scenario = os.path.join(SCENARIOS, name + ".scenario")
            folder = os.path.join(tmp, name)
            passing_folder(scenario, folder)
            status, output = grade(args.build_dir, folder, scenario, args.share)
            if status != 0:
                failed += 1
                print(output)
            print(f"{'PASS' if status == 0 else 'FAIL'}: {name} (exit {status})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
