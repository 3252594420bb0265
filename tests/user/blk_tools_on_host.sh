#!/bin/bash
# blk_tools_on_host.sh BIN_DIR - checks kernlab's block tools (static i386 Linux
# binaries) on the host against the reference tools: images made by mkfs.ext2
# must pass e2fsck -fn and show the asked-for fields in dumpe2fs -h; fdisk's
# tables are checked byte by byte (and with the host's sfdisk if it has one).
# Exits non-zero if any check fails.
set -u
BIN=$(cd "${1:?usage: blk_tools_on_host.sh BIN_DIR}" && pwd)
# The tools are i386 programs: run-i386.sh runs them directly or with qemu-i386.
RUN=$(cd "$(dirname "$0")" && pwd)/run-i386.sh
WORK=$(mktemp -d /tmp/kernlab-blk.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PASS=0
FAIL=0
export PATH=/usr/sbin:/sbin:$PATH

ok() { PASS=$((PASS + 1)); }
bad() {
    FAIL=$((FAIL + 1))
    echo "FAIL: $*"
}
check() { # check NAME CONDITION-COMMAND...
    local name=$1
    shift
    if "$@"; then ok; else bad "$name"; fi
}

for tool in e2fsck dumpe2fs; do
    if ! command -v $tool > /dev/null; then
        echo "SKIP: the host has no $tool (e2fsprogs)"
        exit 77
    fi
done

# ---- mkfs.ext2: NAME SIZE_KIB BLOCK_SIZE_OR_- EXPECTED_BLOCK_SIZE [mkfs options...] ----
mkfs_case() {
    local name=$1 kib=$2 bs=$3 want_bs=$4
    shift 4
    local img=$WORK/$name.img out fsck dump
    rm -f "$img"
    truncate -s "${kib}K" "$img"
    local args=(-q -F "$@")
    [ "$bs" != - ] && args+=(-b "$bs")
    if ! out=$("$RUN" "$BIN/mkfs.ext2" "${args[@]}" "$img" 2>&1); then
        bad "mkfs $name: mkfs.ext2 ${args[*]} failed: $out"
        return
    fi
    if fsck=$(e2fsck -fn "$img" 2>&1); then ok; else
        bad "mkfs $name: e2fsck -fn found problems:"
        echo "$fsck" | sed 's/^/    /'
        return
    fi
    dump=$(dumpe2fs -h "$img" 2>/dev/null)
    local field value
    field() { echo "$dump" | sed -n "s/^$1: *//p"; }
    value=$(field "Block size")
    check "mkfs $name: block size $value, expected $want_bs" [ "$value" = "$want_bs" ]
    value=$(field "Filesystem features")
    check "mkfs $name: features '$value'" [ "$value" = "filetype sparse_super" ]
    value=$(field "Filesystem state")
    check "mkfs $name: state '$value'" [ "$value" = "clean" ]
    value=$(field "Filesystem revision #")
    check "mkfs $name: revision '$value'" [ "$value" = "1 (dynamic)" ]
    local blocks reserved
    blocks=$(field "Block count")
    reserved=$(field "Reserved block count")
    local pct=${EXPECT_RESERVED_PCT:-5}
    check "mkfs $name: reserved $reserved of $blocks blocks is not $pct%" [ "$reserved" = $((blocks * pct / 100)) ]
    # optional expectations in EXPECT_* variables
    if [ -n "${EXPECT_INODES:-}" ]; then
        value=$(field "Inode count")
        check "mkfs $name: inode count $value, expected $EXPECT_INODES" [ "$value" = "$EXPECT_INODES" ]
    fi
    if [ -n "${EXPECT_LABEL:-}" ]; then
        value=$(field "Filesystem volume name")
        check "mkfs $name: label '$value', expected '$EXPECT_LABEL'" [ "$value" = "$EXPECT_LABEL" ]
    fi
    if [ -n "${EXPECT_BLOCKS:-}" ]; then
        check "mkfs $name: block count $blocks, expected $EXPECT_BLOCKS" [ "$blocks" = "$EXPECT_BLOCKS" ]
    fi
}

# the exercise's partition: 5116 KiB, 1k blocks, 1280 inodes; a tiny one; one of memory_block's size
EXPECT_INODES=1280 EXPECT_BLOCKS=5116 mkfs_case part5m 5116 - 1024
EXPECT_BLOCKS=1024 mkfs_case mb1m 1024 - 1024
mkfs_case floppy 1440 - 1024
# several groups: superblock backups in groups 1, 3, 5, 7, 9
EXPECT_LABEL=kernlab mkfs_case g64m 65536 1024 1024 -L kernlab
mkfs_case g80m 81920 1024 1024
mkfs_case bs2k 102400 2048 2048
EXPECT_INODES=5088 EXPECT_LABEL=sixteen-chars-ok mkfs_case bs4k 307200 4096 4096 -N 5000 -L sixteen-chars-ok
mkfs_case bs4k_small 8192 4096 4096
# a last group too small to keep (8192 + 1 + 40 blocks): it is dropped
EXPECT_BLOCKS=8193 mkfs_case runt 8233 1024 1024
EXPECT_RESERVED_PCT=1 EXPECT_INODES=112 mkfs_case odd 9999 - 1024 -m 1 -N 100

# the default output, as mke2fs prints it; mke2fs is the same program
img=$WORK/out.img
truncate -s 5116K "$img"
out=$("$RUN" "$BIN/mkfs.ext2" "$img" 2>&1)
check "mkfs output: $out" grep -q "^Creating filesystem with 5116 1k blocks and 1280 inodes$" <<< "$out"
check "mkfs output names the UUID: $out" grep -qE "^Filesystem UUID: [0-9a-f-]{36}$" <<< "$out"
truncate -s 64M "$WORK/big.img"
out=$("$RUN" "$BIN/mke2fs" -L big "$WORK/big.img" 2>&1)
check "mke2fs lists the backups: $out" grep -qE "^	8193, 24577, 40961, 57345$" <<< "$out"
check "mke2fs image passes e2fsck" e2fsck -fn "$WORK/big.img" > /dev/null 2>&1
# blocks-count argument on a new file
rm -f "$WORK/new.img"
check "mkfs.ext2 FILE BLOCKS makes the file" "$RUN" "$BIN/mkfs.ext2" -q "$WORK/new.img" 2000
check "mkfs.ext2 FILE BLOCKS passes e2fsck" e2fsck -fn "$WORK/new.img" > /dev/null 2>&1
check "mkfs.ext2 refuses a bad block size" bash -c "! '$RUN' '$BIN/mkfs.ext2' -q -b 999 '$WORK/new.img' 2>/dev/null"

# ---- fdisk ----
u32() { od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '; }
u8() { od -An -tu1 -j "$2" -N 1 "$1" | tr -d ' '; }

disk=$WORK/disk.img
truncate -s 5M "$disk"
out=$("$RUN" "$BIN/fdisk" -l "$disk")
check "fdisk -l of a blank disk: $out" grep -qx "Disk $disk: 5 MiB, 5242880 bytes, 10240 sectors" <<< "$out"
check "fdisk -l units" grep -qx "Units: sectors of 1 \* 512 = 512 bytes" <<< "$out"
check "fdisk -l sector size" grep -qx "Sector size (logical/physical): 512 bytes / 512 bytes" <<< "$out"
check "fdisk -l of a blank disk has no label" bash -c "! grep -q Disklabel <<< '$out'"

out=$(printf 'n\np\n1\n\n\nw\n' | "$RUN" "$BIN/fdisk" "$disk" 2>&1)
check "scripted fdisk: created" grep -q "Created a new partition 1 of type 'Linux' and of size 4 MiB." <<< "$out"
check "scripted fdisk: altered" grep -q "The partition table has been altered." <<< "$out"
check "MBR signature" [ "$(u8 "$disk" 510) $(u8 "$disk" 511)" = "85 170" ]
check "partition 1 type 83" [ "$(u8 "$disk" 450)" = 131 ]
check "partition 1 start 2048" [ "$(u32 "$disk" 454)" = 2048 ]
check "partition 1 size 8192" [ "$(u32 "$disk" 458)" = 8192 ]
check "partition 2 empty" [ "$(u8 "$disk" 466)" = 0 ]
check "disk identifier set" [ "$(u32 "$disk" 440)" != 0 ]
out=$("$RUN" "$BIN/fdisk" -l "$disk")
check "fdisk -l: label" grep -qx "Disklabel type: dos" <<< "$out"
check "fdisk -l: identifier" grep -qE "^Disk identifier: 0x[0-9a-f]{8}$" <<< "$out"
check "fdisk -l: header" grep -qE "^Device +Boot Start +End Sectors Size Id Type$" <<< "$out"
check "fdisk -l: row: $out" grep -qE "^${disk}1 +2048 10239 +8192 +4M 83 Linux$" <<< "$out"
if command -v sfdisk > /dev/null; then
    out=$(sfdisk -d "$disk" 2>&1)
    check "sfdisk -d: $out" grep -qE "${disk}1 : start= *2048, size= *8192, type=83" <<< "$out"
fi

# bootable flag, type change, delete
printf 'a\nt\n82\nw\n' | "$RUN" "$BIN/fdisk" "$disk" > /dev/null 2>&1
check "bootable flag" [ "$(u8 "$disk" 446)" = 128 ]
check "type changed to 82" [ "$(u8 "$disk" 450)" = 130 ]
printf 'd\nw\n' | "$RUN" "$BIN/fdisk" "$disk" > /dev/null 2>&1
check "partition deleted" [ "$(u8 "$disk" 450)" = 0 ]
printf 'n\np\n\n\n\nq\n' | "$RUN" "$BIN/fdisk" "$disk" > /dev/null 2>&1
check "q does not write" [ "$(u8 "$disk" 450)" = 0 ]

# primary + extended + two logicals
printf 'n\np\n1\n\n+1M\nn\ne\n2\n\n\nn\nl\n\n+1M\nn\nl\n\n\nw\n' | "$RUN" "$BIN/fdisk" "$disk" > "$WORK/fdisk.log" 2>&1
out=$("$RUN" "$BIN/fdisk" -l "$disk")
check "p1 of 1 MiB: $out" grep -qE "^${disk}1 +2048 +4095 +2048 +1M 83 Linux$" <<< "$out"
check "extended p2" grep -qE "^${disk}2 +4096 +10239 +6144 +3M +5 Extended$" <<< "$out"
check "logical p5" grep -qE "^${disk}5 +6144 +8191 +2048 +1M 83 Linux$" <<< "$out"
check "logical p6" grep -qE "^${disk}6 +10240|^${disk}6 +[0-9]+ +10239 +[0-9]+ +[0-9.]+[KM] 83 Linux$" <<< "$out"
ebr=$(u32 "$disk" 470) # the extended partition's start
check "first EBR signature" [ "$(u8 "$disk" $((ebr * 512 + 510)))" = 85 ]
check "first EBR: logical at +2048" [ "$(u32 "$disk" $((ebr * 512 + 454)))" = 2048 ]
check "first EBR links to the second" [ "$(u8 "$disk" $((ebr * 512 + 466)))" = 5 ]
if command -v sfdisk > /dev/null; then
    check "sfdisk sees 4 partitions" [ "$(sfdisk -d "$disk" 2>/dev/null | grep -c "^$disk")" = 4 ]
fi

# a file system in a partition, checked on a copy of the partition's sectors
truncate -s 0 "$disk"
truncate -s 5M "$disk"
printf 'n\np\n1\n\n\nw\n' | "$RUN" "$BIN/fdisk" "$disk" > /dev/null 2>&1
dd if="$disk" of="$WORK/p1.img" bs=512 skip=2048 count=8192 status=none
check "mkfs.ext2 on the partition's sectors" "$RUN" "$BIN/mkfs.ext2" -q "$WORK/p1.img"
check "e2fsck of it" e2fsck -fn "$WORK/p1.img" > /dev/null 2>&1

echo "blk_tools_on_host: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
