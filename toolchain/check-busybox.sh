#!/bin/sh
# Checks the busybox binary the initramfs gets, prints its version, and writes
# its applet list.
#   check-busybox.sh BUSYBOX OUT_DIR
# OUT_DIR/busybox is a copy of BUSYBOX and OUT_DIR/applets the output of
# `busybox --list-full` (bin/ls, usr/bin/awk, ...); each is rewritten only when
# it changed, so the initramfs is repacked only then.
set -eu
busybox=$1
out=$2

fail() {
  echo "check-busybox: $*" >&2
  exit 1
}

[ -f "$busybox" ] || fail "$busybox is missing: run toolchain/setup.sh (it fetches Debian's busybox-static:i386)"

# The ELF header, byte by byte (od, not file(1): coreutils is always there).
byte() { od -An -tu1 -j "$1" -N 1 "$busybox" | tr -d ' '; }
half() { od -An -tu2 -j "$1" -N 2 --endian=little "$busybox" | tr -d ' '; }
word() { od -An -tu4 -j "$1" -N 4 --endian=little "$busybox" | tr -d ' '; }
[ "$(od -An -c -j 1 -N 3 "$busybox" | tr -d ' ')" = ELF ] && [ "$(byte 0)" = 127 ] ||
  fail "$busybox is not an ELF file: run toolchain/setup.sh"
[ "$(byte 4)" = 1 ] && [ "$(byte 5)" = 1 ] || fail "$busybox is not a 32-bit little-endian ELF file"
[ "$(half 16)" = 2 ] || fail "$busybox is not an executable (ET_EXEC): a static, non-PIE busybox is needed"
[ "$(half 18)" = 3 ] || fail "$busybox is not an i386 (EM_386) program"
# Static: no PT_INTERP (3) or PT_DYNAMIC (2) program header.
phoff=$(word 28)
phentsize=$(half 42)
phnum=$(half 44)
i=0
while [ "$i" -lt "$phnum" ]; do
  type=$(word $((phoff + i * phentsize)))
  [ "$type" != 3 ] && [ "$type" != 2 ] || fail "$busybox is dynamically linked: busybox-static is needed"
  i=$((i + 1))
done

# Run it directly when this host runs i386 programs, else through qemu-i386.
if "$busybox" true 2>/dev/null; then
  run() { "$busybox" "$@"; }
elif command -v qemu-i386 >/dev/null; then
  run() { qemu-i386 "$busybox" "$@"; }
else
  fail "this host cannot run i386 programs and qemu-i386 is missing: run toolchain/setup.sh"
fi

version=$(run 2>&1 | head -n 1)
case "$version" in
  BusyBox*) echo "busybox: $version" ;;
  *) fail "$busybox does not run as busybox (it printed: $version)" ;;
esac

mkdir -p "$out"
run --list-full > "$out/applets.new"
[ -s "$out/applets.new" ] || fail "busybox --list-full printed nothing"
update() {
  if cmp -s "$1" "$2"; then rm -f "$1"; else mv "$1" "$2"; fi
}
update "$out/applets.new" "$out/applets"
cp "$busybox" "$out/busybox.new"
update "$out/busybox.new" "$out/busybox"
