"""Writes cpio archives in the newc format (the initramfs format) from a list
of entries, without needing root for device nodes: bench.py packs the
benchmark's files for both kernels with it."""

import os
import stat


class Archive:
    def __init__(self):
        self._data = bytearray()
        self._inode = 1

    def _entry(self, name, mode, body=b"", rdev=(0, 0)):
        header = "070701" + "".join(f"{field:08x}" for field in (
            self._inode, mode, 0, 0, 1, 0, len(body), 0, 0, rdev[0], rdev[1], len(name) + 1, 0))
        self._inode += 1
        self._data += header.encode() + name.encode() + b"\0"
        self._pad()
        self._data += body
        self._pad()

    def _pad(self):
        self._data += b"\0" * (-len(self._data) % 4)

    def directory(self, name):
        self._entry(name, stat.S_IFDIR | 0o755)

    def file(self, name, source_path, mode=None):
        with open(source_path, "rb") as source:
            body = source.read()
        if mode is None:
            mode = os.stat(source_path).st_mode & 0o777
        self._entry(name, stat.S_IFREG | mode, body)

    def text(self, name, text, mode=0o644):
        self._entry(name, stat.S_IFREG | mode, text.encode())

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def char_device(self, name, major, minor, mode=0o600):
        self._entry(name, stat.S_IFCHR | mode, rdev=(major, minor))

    def bytes(self):
        """The archive with its TRAILER!!! entry."""
        trailer = Archive()
        trailer._entry("TRAILER!!!", 0)
        return bytes(self._data + trailer._data)
