#!/bin/sh
# Starts QEMU halted with a gdb stub on :1234 and attaches gdb with the kernel's
# symbols. $1 is kernel.elf, the rest are QEMU arguments. QEMU's serial output
# goes to build/serial.log (tail -f it in another terminal).
set -eu
kernel=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
log=$(dirname "$kernel")/serial.log
qemu-system-i386 -display none -serial "file:$log" -s -S "$@" &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
gdb -q -x "$here/kernlab.gdb" "$kernel"
