#!/bin/sh
# bench/guest.sh - the rows of bench.py's table, run inside the guest, the
# same script on kernlab and on Linux (busybox sh on both):
#   sh /bench/guest.sh DISK MODULE.ko MODULE_NAME MS MIB
# DISK is an empty RAM disk of at least MIB MiB (kernlab's memdrive, Linux's
# brd); MODULE is a small module of that kernel's own; MS is each timed row's
# budget in milliseconds. Every row prints "lkbench: NAME VALUE UNIT".
disk=$1 module=$2 module_name=$3 ms=$4 mib=$5
row() { /bench/lkbench -t "$ms" -n "$@"; }

dmesg -n 1 # no console messages while timing (the serial port is slow)

row getpid getpid
row int80 int80
row devnull devnull
row pipe pipe
row yield yield
row fork fork
row exec_tiny exec /bench/tiny
row exec_busybox exec /bench/busybox true
row mmap16m mmap
row pagefault pagefault
row open open /bench/lkbench
row stat stat /bench/lkbench
row insmod insmod "$module" "$module_name"
row movsl movsl
row memcpy memcpy

mkdir -p /bench/ram
mount -t ramfs ramfs /bench/ram
row create_ramfs create /bench/ram

for block in 4096 1048576; do
    for mode in buffered direct; do
        row "disk_write_${block}_$mode" write "$disk" "$block" "$mode" "$mib"
        row "disk_read_${block}_$mode" read "$disk" "$block" "$mode" "$mib"
    done
done

mke2fs -q "$disk" >/dev/null 2>&1 || echo "bench: mke2fs $disk failed"
mkdir -p /bench/ext2
mount -t ext2 "$disk" /bench/ext2 || echo "bench: mount -t ext2 $disk failed"
row create_ext2 create /bench/ext2
file_mib=$((mib / 2))
for block in 4096 1048576; do
    for mode in buffered direct; do
        row "ext2_write_${block}_$mode" write /bench/ext2/file "$block" "$mode" "$file_mib"
        row "ext2_read_${block}_$mode" read /bench/ext2/file "$block" "$mode" "$file_mib"
        rm -f /bench/ext2/file
    done
done
umount /bench/ext2
echo "bench: done"
