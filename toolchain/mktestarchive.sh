#!/bin/sh
# The boot tests' initramfs: BASE (the initramfs GRUB loads) followed by a
# second cpio (newc) archive of the test programs, owned by root.
#   mktestarchive.sh STAGING BASE OUTPUT [PROGRAM:DEST ...]
# Each PROGRAM is installed, stripped, at DEST, whose folder BASE must have.
set -eu
staging=$1
base=$2
output=$3
shift 3
rm -rf "$staging"
mkdir -p "$staging"
for entry in "$@"; do
  program=${entry%%:*}
  dest=${entry#*:}
  mkdir -p "$staging/$(dirname "$dest")"
  "${STRIP:-i686-linux-gnu-strip}" -o "$staging/$dest" "$program"
done
cp "$base" "$output.tmp"
(cd "$staging" && find . -mindepth 1 -type f | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >> "$output.tmp"
mv "$output.tmp" "$output"
