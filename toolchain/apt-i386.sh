# Sourced by the fetch-*.sh scripts: Debian i386 packages fetched with apt,
# never from anywhere else.

# Makes apt know PACKAGE (an i386 package): adds the architecture to dpkg and
# updates the package lists if they lack it.
apt_i386_ready() {
  export DEBIAN_FRONTEND=noninteractive
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    echo "$(basename "$0"): adding the i386 architecture to dpkg"
    dpkg --add-architecture i386
  fi
  # The i386 package lists exist only after an update that knows the architecture.
  if ! apt-cache show "$1" >/dev/null 2>&1; then
    apt-get update -qq
  fi
}

# Downloads PACKAGE's .deb into DIR (apt downloads as its _apt user, so into a
# folder that user may write first).
apt_download_into() {
  local dir=$1 package=$2 download
  download=$(mktemp -d)
  chown _apt "$download" 2>/dev/null || true
  (cd "$download" && apt-get download -qq "$package") || { rm -rf "$download"; return 1; }
  mv "$download"/*.deb "$dir/"
  rm -rf "$download"
}
