#!/bin/sh
# Prints the size of a build product: the kernel image or the ISO.
set -eu
for file in "$@"; do
  bytes=$(stat -c %s "$file")
  case "$file" in
    *.elf) extra=" ($(i686-linux-gnu-size "$file" | awk 'NR==2 { printf "text %d, data %d, bss %d", $1, $2, $3 }'))" ;;
    *) extra="" ;;
  esac
  echo "size: $(basename "$file"): $bytes bytes, $((bytes / 1024)) KiB$extra"
done
