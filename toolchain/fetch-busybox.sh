#!/usr/bin/env bash
# Fetches Debian's busybox-static:i386 with apt into $repo/.cache/busybox/ and
# unpacks bin/busybox to .cache/busybox/busybox. Safe to run again: does nothing
# when the binary is already there.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=$repo/.cache/busybox
binary=$cache/busybox

if [ -x "$binary" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "fetch-busybox: $binary is missing; run toolchain/setup.sh as root to fetch it" >&2
  exit 1
fi

source "$(dirname "$0")/apt-i386.sh"
apt_i386_ready busybox-static:i386
mkdir -p "$cache"
rm -f "$cache"/busybox-static_*_i386.deb
apt_download_into "$cache" busybox-static:i386
deb=$(ls "$cache"/busybox-static_*_i386.deb)
rm -rf "$cache/pkg"
dpkg-deb -x "$deb" "$cache/pkg"
install -m 0755 "$cache/pkg/bin/busybox" "$binary"
rm -rf "$cache/pkg"
echo "fetch-busybox: $(basename "$deb") unpacked to $binary"
