#!/bin/sh
# Packs the root file system into a cpio (newc) archive, owned by root.
#   mkinitramfs.sh STAGING OUTPUT SKELETON BUSYBOX_DIR [PROGRAM:DEST ...]
# SKELETON (user/rootfs) is copied as is; each PROGRAM is installed, stripped, at
# DEST. BUSYBOX_DIR (made by check-busybox.sh) holds busybox and its applet list:
# busybox goes to /bin/busybox with a link for every applet whose name no kernlab
# program has (kernlab's own programs win).
set -eu
staging=$1
output=$2
skeleton=$3
busybox_dir=$4
shift 4
rm -rf "$staging"
mkdir -p "$staging"
for dir in bin sbin usr/bin usr/sbin etc dev proc sys tmp mnt mnt/host root lib/modules; do
  mkdir -p "$staging/$dir"
done
chmod 1777 "$staging/tmp"
cp -R "$skeleton/." "$staging/"
# mount and df read /etc/mtab; Linux's is this link (made here, not in the
# skeleton, where the build would stat the host's /proc/mounts).
ln -s /proc/mounts "$staging/etc/mtab"
for entry in "$@"; do
  program=${entry%%:*}
  dest=${entry#*:}
  mkdir -p "$staging/$(dirname "$dest")"
  # Installed without debug information (the build folder keeps it for gdb);
  # modules keep their symbol tables, which the loader needs.
  case "$program" in
    *.ko) "${STRIP:-i686-linux-gnu-strip}" --strip-debug -o "$staging/$dest" "$program" ;;
    *) "${STRIP:-i686-linux-gnu-strip}" -o "$staging/$dest" "$program" ;;
  esac
done

# Busybox, as Debian ships it (already stripped). An applet is linked only when
# no program in the command directories has its name, wherever that program is.
# Set-user-ID root, as su, login and passwd need: busybox drops the privilege at
# once for every other applet (its BB_SUID_DROP; there is no /etc/busybox.conf).
install -m 4755 "$busybox_dir/busybox" "$staging/bin/busybox"
# The password hashes are root's alone (git keeps only 0644 and 0755).
chmod 0600 "$staging/etc/shadow"
# The student account's home (etc/passwd), theirs: packed below as 1000:1000.
mkdir -p "$staging/home/student"
# Debian's busybox ash is a "standalone shell": a bare command name that is an
# applet runs the applet, whatever PATH holds. So for each kernlab program with
# an applet's name, /etc/profile.d/kernlab-programs.sh makes an alias to its
# full path: the login shell (what a user types at) runs kernlab's. Scripts and
# `sh -c` get the applet unless they name the full path.
kernlab_names=$(cd "$staging" && ls bin sbin usr/bin usr/sbin)
mkdir -p "$staging/etc/profile.d"
aliases=$staging/etc/profile.d/kernlab-programs.sh
echo "# Made by toolchain/mkinitramfs.sh: kernlab's programs that busybox also has." > "$aliases"
while read -r applet; do
  case "$applet" in
    bin/*|sbin/*|usr/bin/*|usr/sbin/*) ;;
    *) continue ;;                       # linuxrc: an initrd's init, not ours
  esac
  name=${applet##*/}
  if printf '%s\n' "$kernlab_names" | grep -qxF -- "$name"; then
    [ "$name" = busybox ] && continue
    for dir in bin sbin usr/bin usr/sbin; do
      if [ -e "$staging/$dir/$name" ]; then
        echo "alias $name=/$dir/$name" >> "$aliases"
        break
      fi
    done
    continue
  fi
  ln -s /bin/busybox "$staging/$applet"
done < "$busybox_dir/applets"

(cd "$staging" && find . -mindepth 1 ! -path './home/student*' | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) > "$output"
# A second archive after the first one's trailer, as Linux's initramfs allows:
# what belongs to the student (uid and gid 1000).
(cd "$staging" && find ./home/student | LC_ALL=C sort | cpio --quiet -o -H newc -R 1000:1000) >> "$output"
