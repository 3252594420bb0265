#!/bin/sh
# Packs the root file system into a cpio (newc) archive, owned by root.
#   mkinitramfs.sh STAGING OUTPUT SKELETON [PROGRAM:DEST ...]
# SKELETON (user/rootfs) is copied as is; each PROGRAM is installed, stripped, at DEST.
set -eu
staging=$1
output=$2
skeleton=$3
shift 3
rm -rf "$staging"
mkdir -p "$staging"
for dir in bin sbin etc dev proc sys tmp mnt root lib/modules; do
  mkdir -p "$staging/$dir"
done
chmod 1777 "$staging/tmp"
cp -R "$skeleton/." "$staging/"
for entry in "$@"; do
  program=${entry%%:*}
  dest=${entry#*:}
  mkdir -p "$staging/$(dirname "$dest")"
  # Installed without debug information (the build folder keeps it for gdb);
  # modules keep their symbol tables, which the loader needs.
  case "$program" in
    *.ko) "${STRIP:-i686-linux-gnu-strip}" --strip-debug -o "$staging/$dest" "$program" ;;
    *) "${STRIP:-i686-linux-gnu-strip}" -o "$staging/$dest" "$program" ;;
  esac
done
# `[` is `test` under another name (CMake cannot name a target "[").
[ -e "$staging/bin/test" ] && ln -sf test "$staging/bin/["
(cd "$staging" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) > "$output"
