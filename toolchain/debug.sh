#!/bin/sh
# Starts kernlab in QEMU halted, with a gdb stub on :1234 (KERNLAB_GDB_PORT) and
# the serial console on this terminal, as toolchain/run-qemu.sh does: the GRUB
# menu and the shell are typed here (Ctrl-C goes to the guest, Ctrl-A X quits).
# gdb runs in another terminal (toolchain/gdb.sh): QEMU is not its child, so
# gdb's Ctrl-C interrupts the kernel through the stub instead of killing QEMU.
# Arguments go to QEMU.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=${KERNLAB_GDB_PORT:-1234}
echo "kernlab: QEMU is halted, waiting for gdb on :$port."
echo "kernlab: in another terminal: cmake --build --preset gdb   (or toolchain/gdb.sh build/kernel.elf)"
exec "$here/run-qemu.sh" -gdb "tcp::$port" -S "$@"
