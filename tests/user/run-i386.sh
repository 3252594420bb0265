#!/bin/sh
# run-i386.sh PROGRAM [ARGS...] - runs a static i386 Linux program on this host:
# directly when the kernel runs i386 programs (IA32 emulation or a binfmt_misc
# handler), else through qemu-i386 (Debian's qemu-user, which setup.sh installs).
# KERNLAB_I386_PROBE names a harmless i386 program (busybox, run as `true`) that
# tells which; KERNLAB_QEMU_USER=1 forces qemu-i386, to try that path on a host
# that needs none.
# Under qemu-i386 a program's own execve() of an i386 program still goes to the
# host kernel (qemu-user 7.2 passes it through; without IA32 emulation that
# needs a binfmt_misc handler, which we do not assume). So qemu mode exports
# KERNLAB_EXEC_WRAPPER=<qemu-i386's path>: the host-run programs that exec i386
# programs (libc_test, forkstress) exec "WRAPPER PROGRAM ARGS" instead. Direct
# mode unsets it. no-ia32.py checks that no i386 exec gets past the wrapper.
set -eu
program=$1
shift
probe=${KERNLAB_I386_PROBE:-$program}
if [ "${KERNLAB_QEMU_USER:-0}" = 1 ]; then
  direct=no
elif [ "$probe" != "$program" ] && "$probe" true 2>/dev/null; then
  direct=yes
elif [ "$probe" = "$program" ]; then
  direct=yes   # no probe: try it directly
else
  direct=no
fi
if [ "$direct" = yes ]; then
  unset KERNLAB_EXEC_WRAPPER
  exec "$program" "$@"
fi
qemu=$(command -v qemu-i386) || {
  echo "run-i386: this host cannot run i386 programs and qemu-i386 is missing: run toolchain/setup.sh" >&2
  exit 1
}
case $qemu in
  /*) ;;
  *) qemu=$(cd "$(dirname "$qemu")" && pwd)/$(basename "$qemu") ;; # execve needs an absolute path
esac
KERNLAB_EXEC_WRAPPER=$qemu
export KERNLAB_EXEC_WRAPPER
exec "$qemu" "$program" "$@"
