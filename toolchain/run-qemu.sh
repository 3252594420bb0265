#!/bin/sh
# Boots kernlab in QEMU with the serial console on this terminal (Ctrl-A X quits,
# Ctrl-A C toggles the QEMU monitor). The VGA screen opens in a window when there
# is a display; without one QEMU runs headless. Extra arguments go to QEMU.
set -eu
display="-display none"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  display=""
fi
echo "kernlab: serial console below; Ctrl-A X quits QEMU."
# shellcheck disable=SC2086
exec qemu-system-i386 $display -serial mon:stdio "$@"
