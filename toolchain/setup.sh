#!/usr/bin/env bash
# Installs what building, running and testing kernlab needs on Debian 12 (as root).
# Safe to run again: only missing packages are installed.
set -euo pipefail

packages=(
  cmake ninja-build make gcc g++ libgtest-dev python3   # host build and tests (make: the module kit)
  zlib1g-dev gzip                                   # inflate's host tests compress with zlib; the ISO's initramfs
  g++-i686-linux-gnu nasm                           # the i686 cross toolchain
  grub-pc-bin grub-common xorriso mtools            # grub-mkrescue for the ISO
  qemu-system-x86                                   # qemu-system-i386
  qemu-user                                         # qemu-i386: i386 programs on hosts without IA32 emulation
  e2fsprogs cpio gdb                                # images, initramfs, debugging
  clang libclang-rt-dev                             # libFuzzer and the sanitizers, for tests/fuzz
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]}; run as root (or with sudo) to install them" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Busybox, the user space: Debian's busybox-static for i386, fetched with apt
# (never from anywhere else) into .cache/busybox/ and unpacked there.
"$(dirname "$0")/fetch-busybox.sh"

# Debian's own i386 Linux kernel, which bench/bench.py boots to compare
# against (its ctest smoke run needs it too), fetched with apt into .cache/linux/.
"$(dirname "$0")/fetch-linux.sh"
