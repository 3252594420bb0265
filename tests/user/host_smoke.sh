#!/bin/bash
# host_smoke.sh BIN_DIR MODULE_DIR - runs kernlab's own user programs (static
# i386 Linux binaries: the course and test programs, init, the module tools) on
# this host's Linux and compares their output with what they must print. The
# commands and the shell are busybox's now and are not tested here.
# Each program runs through run-i386.sh: directly, or with qemu-i386 on a host
# without IA32 emulation. Exits non-zero if any check fails.
set -u
BIN=$(cd "${1:?usage: host_smoke.sh BIN_DIR MODULE_DIR}" && pwd)
MODULES=$(cd "${2:?usage: host_smoke.sh BIN_DIR MODULE_DIR}" && pwd)
RUN=$(cd "$(dirname "$0")" && pwd)/run-i386.sh
WORK=$(mktemp -d /tmp/kernlab-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PASS=0
FAIL=0

# run PROGRAM ARGS...: stdout and stderr together
run() {
    local program=$1
    shift
    "$RUN" "$BIN/$program" "$@" 2>&1
}

# expect NAME EXPECTED PROGRAM ARGS...: output must equal EXPECTED exactly
expect() {
    local name=$1 want=$2 got
    shift 2
    got=$(run "$@")
    if [ "$got" == "$want" ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $name"
        echo "  command:  $*"
        echo "  expected: $(printf '%q' "$want")"
        echo "  got:      $(printf '%q' "$got")"
    fi
}

# expect_match NAME REGEX PROGRAM ARGS...: output must match the extended REGEX (whole output)
expect_match() {
    local name=$1 pattern=$2 got
    shift 2
    got=$(run "$@")
    if [[ "$got" =~ ^$pattern$ ]]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $name"
        echo "  command:  $*"
        echo "  pattern:  $pattern"
        echo "  got:      $(printf '%q' "$got")"
    fi
}

# forkstress execs its target from inside the i386 program: busybox's i386
# `true` (directly, or through the KERNLAB_EXEC_WRAPPER run-i386.sh gives it in
# qemu mode). Without a busybox to probe with, run-i386.sh runs programs
# directly, and the host's own true is the target.
if [ -n "${KERNLAB_I386_PROBE:-}" ]; then
    ln -s "$KERNLAB_I386_PROBE" "$WORK/true"
    TRUE=$WORK/true
elif [ "${KERNLAB_QEMU_USER:-0}" = 1 ]; then
    echo "host_smoke: KERNLAB_QEMU_USER=1 needs KERNLAB_I386_PROBE (an i386 busybox) for forkstress's target" >&2
    exit 1
else
    TRUE=$(type -P true)
fi

# ---- course test programs ----
expect_match "syscall_test" 'testing system call\.\.\.
executed with return value -?[0-9]+' syscall_test
expect_match "efault_test"  '(.*
)?efault_test: 12 passed, 0 failed' efault_test
expect_match "forkstress"   "forkstress: 5 runs of $TRUE: 5 ok, 0 failed, [0-9]+ ms" forkstress 5 "$TRUE"
expect_match "init --check"  '
Welcome to kernlab .*
(.*
)*init: /dev/zero read 16 zero bytes
init: /dev/null accepted 16 bytes' init --check
expect "init refuses pid != 1" "init: must run as process 1 (try --check)" init

# ---- module tools (kmod's output) ----
expect_match "modinfo hello.ko" "filename: +$MODULES/hello.ko
(.*
)*license: +GPL
(.*
)*vermagic: +6\.1\.0-kernlab.*" modinfo "$MODULES/hello.ko"
expect "modinfo -F license" "GPL" modinfo -F license "$MODULES/hello.ko"
expect_match "modinfo parm" "(.*
)*parm: +myint:An integer \(int\)(
.*)*" modinfo "$MODULES/hello_params.ko"
if [ -r /proc/modules ]; then
    expect_match "lsmod header" "Module {18}Size  Used by(
.*)*" lsmod
fi

echo "host_smoke: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
