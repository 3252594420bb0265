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

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  echo "fetch-busybox: adding the i386 architecture to dpkg"
  dpkg --add-architecture i386
fi
# The i386 package lists exist only after an update that knows the architecture.
if ! apt-cache show busybox-static:i386 >/dev/null 2>&1; then
  apt-get update -qq
fi

mkdir -p "$cache"
rm -f "$cache"/busybox-static_*_i386.deb
# apt downloads as its _apt user: give it a folder it may write.
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
chown _apt "$download" 2>/dev/null || true
(cd "$download" && apt-get download -qq busybox-static:i386)
mv "$download"/busybox-static_*_i386.deb "$cache/"
deb=$(ls "$cache"/busybox-static_*_i386.deb)
rm -rf "$cache/pkg"
dpkg-deb -x "$deb" "$cache/pkg"
install -m 0755 "$cache/pkg/bin/busybox" "$binary"
rm -rf "$cache/pkg"
echo "fetch-busybox: $(basename "$deb") unpacked to $binary"
