#!/usr/bin/env bash
# Fetches Debian 12's own i386 kernel (the package linux-image-686 points at)
# with apt into $repo/.cache/linux/, for bench/bench.py to compare against:
#   .cache/linux/vmlinuz           the kernel
#   .cache/linux/modules/*.ko      the modules the benchmark's initramfs loads
#   .cache/linux/release           its version (uname -r)
# Safe to run again: does nothing when the kernel is already there.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=$repo/.cache/linux
# brd is the RAM disk; ext4 (which mounts ext2) needs jbd2, mbcache, crc16 and
# the crc32c hash; crc-itu-t is the small module of the insmod row.
modules="drivers/block/brd fs/ext4/ext4 fs/jbd2/jbd2 fs/mbcache lib/crc16 crypto/crc32c_generic lib/crc-itu-t"

if [ -f "$cache/vmlinuz" ] && [ -f "$cache/release" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "fetch-linux: $cache/vmlinuz is missing; run this script as root to fetch it" >&2
  exit 1
fi

source "$(dirname "$0")/apt-i386.sh"
apt_i386_ready linux-image-686:i386
# linux-image-686 is a metapackage; its one dependency is the versioned kernel.
package=$(apt-cache depends linux-image-686:i386 | awk '/Depends: linux-image-/ {print $2; exit}')
if [ -z "$package" ]; then
  echo "fetch-linux: apt does not know linux-image-686:i386's kernel package" >&2
  exit 1
fi

download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
apt_download_into "$download" "$package"
dpkg-deb -x "$download"/linux-image-*.deb "$download/x"
release=$(ls "$download/x/lib/modules")

rm -rf "$cache"
mkdir -p "$cache/modules"
cp "$download/x/boot/vmlinuz-$release" "$cache/vmlinuz"
for module in $modules; do
  cp "$download/x/lib/modules/$release/kernel/$module.ko" "$cache/modules/"
done
echo "$release" > "$cache/release"
echo "fetch-linux: $package ($release) unpacked to $cache"
