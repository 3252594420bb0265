"""cpio archives in the newc format (Linux's initramfs format), written from
Python without cpio(1) and without root for device nodes: the bench's
initramfs (bench/bench.py), the grader's copy of a student's folder
(toolchain/grade.py), the boot tests' extra archives and the fuzz corpus."""

import os
import stat


def entry(name, mode, data=b"", ino=0, nlink=1, rdev=(0, 0)):
    """One member: its header, name and data, each padded to 4 bytes, as it
    stands in an archive (whose members all start 4-aligned)."""
    encoded = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1], len(encoded), 0)
    member = b"070701" + b"".join(b"%08x" % field for field in fields) + encoded
    member += bytes(-len(member) % 4) + data
    return member + bytes(-len(member) % 4)


TRAILER = entry("TRAILER!!!", 0)


class Archive:
    """Members added one by one, numbered from inode 1."""

    def __init__(self):
        self._data = bytearray()
        self._inode = 1

    def _add(self, name, mode, data=b"", rdev=(0, 0)):
        self._data += entry(name, mode, data, ino=self._inode, rdev=rdev)
        self._inode += 1

    def directory(self, name):
        self._add(name, stat.S_IFDIR | 0o755)

    def file(self, name, source_path, mode=None):
        with open(source_path, "rb") as source:
            data = source.read()
        if mode is None:
            mode = os.stat(source_path).st_mode & 0o777
        self._add(name, stat.S_IFREG | mode, data)

    def text(self, name, text, mode=0o644):
        self._add(name, stat.S_IFREG | mode, text.encode())

    def symlink(self, name, target):
        self._add(name, stat.S_IFLNK | 0o777, target.encode())

    def char_device(self, name, major, minor, mode=0o600):
        self._add(name, stat.S_IFCHR | mode, rdev=(major, minor))

    def bytes(self):
        """The archive with its TRAILER!!! member."""
        return bytes(self._data) + TRAILER
