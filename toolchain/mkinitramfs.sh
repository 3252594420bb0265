#!/bin/sh
# Packs the root file system skeleton into a cpio (newc) archive: $1 staging dir, $2 output.
# User programs join it with the user-space issue; for now it holds the directory tree.
set -eu
staging=$1
output=$2
rm -rf "$staging"
mkdir -p "$staging"
for dir in bin sbin etc dev proc sys tmp mnt root lib/modules; do
  mkdir -p "$staging/$dir"
done
echo kernlab > "$staging/etc/hostname"
(cd "$staging" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) > "$output"
