#!/bin/sh
# Makes the data disk the run target attaches as /dev/sda: 64 MiB, an MBR with
# one Linux partition from sector 2048, and an ext2 file system in it, so
# `mount /dev/sda1 /mnt` works at once and what is written there survives
# reboots. An existing disk is left alone.
set -eu
disk=$1
[ -e "$disk" ] && exit 0
size_mib=64
start=2048
sectors=$((size_mib * 2048))
truncate -s "${size_mib}M" "$disk.tmp"
python3 - "$disk.tmp" "$start" "$((sectors - start))" <<'PY'
import struct, sys
path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
entry = struct.pack("<B3sB3sII", 0, b"\xff\xff\xfe", 0x83, b"\xff\xff\xfe", start, count)
with open(path, "r+b") as disk:
    disk.seek(440)
    disk.write(struct.pack("<I", 0x6b726e6c))          # disk identifier
    disk.seek(446)
    disk.write(entry + bytes(48) + b"\x55\xaa")
PY
mke2fs -q -t ext2 -L data -E offset=$((start * 512)) -F "$disk.tmp" "$(((sectors - start) / 2))k"
mv "$disk.tmp" "$disk"
echo "data disk: $disk (/dev/sda1 in kernlab, ext2)"
