#!/bin/sh
# Starts gdb with kernel.elf's symbols ($1) and the kernlab commands
# (toolchain/gdb/kernlab.py), attached to the QEMU that toolchain/debug.sh
# started (port KERNLAB_GDB_PORT, default 1234). Debian's gdb handles i386:
# no gdb-multiarch needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kernel=${1:?usage: gdb.sh build/kernel.elf}
exec gdb -q -ex "source $here/gdb/kernlab.py" -x "$here/kernlab.gdb" "$kernel"
