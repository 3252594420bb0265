"""Boot tests of the block milestone, typed at the shell as the course does:
the memdrive RAM disk (exercise 11: insmod with nsectors, fdisk, mkfs.ext2,
mount, files that survive umount/mount, an empty disk after rmmod/insmod) and
the memory_block exercise's 1 MB disk (exercise 12)."""

import re

from registry import boot_test, expect
from shell import Shell
from checks import run_ok

MODULES = "/lib/modules"


def make_memdrive_fs(sh):
    """insmod memdrive nsectors=10240, one partition over the disk, ext2 on it."""
    run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=10240")
    listing = run_ok(sh, "fdisk -l /dev/memdrive")
    expect("Disk /dev/memdrive: 5 MiB, 5242880 bytes, 10240 sectors" in listing, f"fdisk -l:\n{listing}")
    out = run_ok(sh, r"printf 'n\np\n1\n\n\nw\n' | fdisk /dev/memdrive")
    for line in ["Created a new partition 1 of type 'Linux' and of size 4 MiB.",
                 "The partition table has been altered.", "Calling ioctl() to re-read partition table.",
                 "Syncing disks."]:
        expect(line in out, f"fdisk lacks {line!r}:\n{out}")
    expect("failed" not in out, f"BLKRRPART failed:\n{out}")
    listing = run_ok(sh, "fdisk -l /dev/memdrive")
    expect(re.search(r"^/dev/memdrive1 +2048 +10239 +8192 +4M 83 Linux$", listing, re.M), f"fdisk -l:\n{listing}")
    parts = run_ok(sh, "cat /proc/partitions")
    expect(re.search(r"\s5120 memdrive$", parts, re.M), f"/proc/partitions lacks memdrive:\n{parts}")
    expect(re.search(r"\s4096 memdrive1$", parts, re.M), f"/proc/partitions lacks memdrive1:\n{parts}")
    out = run_ok(sh, "mkfs.ext2 /dev/memdrive1", timeout=120)
    expect("Creating filesystem with 4096 1k blocks and 1024 inodes" in out, f"mkfs.ext2:\n{out}")


@boot_test
def block_memdrive_fdisk(build_dir):
    """insmod memdrive.ko nsectors=10240 makes a 5 MB /dev/memdrive; fdisk -l
    shows its size in Linux's words, a scripted fdisk makes /dev/memdrive1 and
    the course's alias /dev/memdrive0; rmmod removes them."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=10240")
        listing = run_ok(sh, "fdisk -l /dev/memdrive")
        for line in ["Disk /dev/memdrive: 5 MiB, 5242880 bytes, 10240 sectors",
                     "Units: sectors of 1 * 512 = 512 bytes",
                     "Sector size (logical/physical): 512 bytes / 512 bytes"]:
            expect(line in listing, f"fdisk -l lacks {line!r}:\n{listing}")
        expect("Disklabel" not in listing, f"a new disk has a label:\n{listing}")
        run_ok(sh, r"printf 'n\np\n1\n\n\nw\n' | fdisk /dev/memdrive")
        run_ok(sh, "test -b /dev/memdrive1")
        run_ok(sh, "test -b /dev/memdrive0")
        listing = run_ok(sh, "fdisk -l")
        expect("Disk /dev/memdrive: 5 MiB" in listing, f"fdisk -l without a device:\n{listing}")
        run_ok(sh, "rmmod memdrive")
        out = sh.run("test -e /dev/memdrive; echo $?").strip()
        expect(out.endswith("1"), "/dev/memdrive outlived rmmod")


@boot_test
def block_memdrive_ext2(build_dir):
    """The exercise step by step: partition, mkfs.ext2, mount, make files and
    folders, umount, mount again (as /dev/memdrive1 and as /dev/memdrive0):
    they are there; rmmod and insmod again: the disk is empty, mount fails."""
    with Shell(build_dir) as sh:
        make_memdrive_fs(sh)
        run_ok(sh, "mount -t ext2 /dev/memdrive1 /mnt")
        run_ok(sh, "mkdir /mnt/a")
        run_ok(sh, "echo hi > /mnt/a/f")
        run_ok(sh, "cp /bin/sh /mnt/sh.copy")
        listing = run_ok(sh, "ls /mnt")
        for name in ["a", "lost+found", "sh.copy"]:
            expect(name in listing.split(), f"ls /mnt lacks {name}:\n{listing}")
        usage = run_ok(sh, "df /mnt")
        expect(re.search(r"^/dev/memdrive1 +\d+ +\d+ +\d+ +\d+% /mnt$", usage, re.M), f"df /mnt:\n{usage}")
        run_ok(sh, "umount /mnt")

        run_ok(sh, "mount /dev/memdrive1 /mnt")
        expect(run_ok(sh, "cat /mnt/a/f") == "hi", "/mnt/a/f lost its contents")
        run_ok(sh, "cmp /mnt/sh.copy /bin/sh")
        run_ok(sh, "umount /mnt")
        run_ok(sh, "mount /dev/memdrive0 /mnt")
        expect(run_ok(sh, "cat /mnt/a/f") == "hi", "/mnt/a/f via /dev/memdrive0")
        run_ok(sh, "umount /mnt")

        run_ok(sh, "rmmod memdrive")
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=10240")
        listing = run_ok(sh, "fdisk -l /dev/memdrive")
        expect("Disklabel" not in listing, f"the new disk still has a partition table:\n{listing}")
        out = sh.run("mount /dev/memdrive0 /mnt; echo status=$?")
        expect("status=0" not in out, f"mount of the new empty disk succeeded:\n{out}")
        out = sh.run("mount -t ext2 /dev/memdrive /mnt; echo status=$?")
        expect("status=0" not in out, f"mount of the new empty disk succeeded:\n{out}")
        run_ok(sh, "rmmod memdrive")


@boot_test
def block_memory_block(build_dir):
    """The memory_block exercise: insmod gives a 1 MB /dev/memory_block;
    mkfs.ext2 on it, mount, write a file, umount, mount, read it back."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/memory_block.ko")
        listing = run_ok(sh, "fdisk -l /dev/memory_block")
        expect("Disk /dev/memory_block: 1 MiB, 1048576 bytes, 2048 sectors" in listing, f"fdisk -l:\n{listing}")
        out = run_ok(sh, "mkfs.ext2 /dev/memory_block", timeout=60)
        expect("Creating filesystem with 1024 1k blocks" in out, f"mkfs.ext2:\n{out}")
        run_ok(sh, "mkdir -p /mnt/memory_block")
        run_ok(sh, "mount /dev/memory_block /mnt/memory_block")
        run_ok(sh, "echo 'written to memory' > /mnt/memory_block/note")
        run_ok(sh, "umount /mnt/memory_block")
        run_ok(sh, "mount /dev/memory_block /mnt/memory_block")
        expect(run_ok(sh, "cat /mnt/memory_block/note") == "written to memory", "memory_block lost the file")
        run_ok(sh, "umount /mnt/memory_block")
        run_ok(sh, "rmmod memory_block")


@boot_test
def block_memdrive_write_read_20_times(build_dir):
    """The whole 64 MiB memdrive written and read back 20 times in one boot,
    with dd as a user types it. Once, a read right after the write made no
    progress for 9 minutes (issue 12): each dd must end with all its bytes, and
    a mark written at the disk's end each round reads back."""
    with Shell(build_dir, memory="256M") as sh:
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=131072")
        whole = "64+0 records out"
        for round in range(20):
            out = run_ok(sh, "dd if=/dev/zero of=/dev/memdrive bs=1M count=64 2>&1", timeout=120)
            expect(whole in out, f"round {round}: the write did not finish:\n{out}")
            mark = f"round{round:02d}"
            run_ok(sh, f"printf {mark} | dd of=/dev/memdrive bs=1M seek=63 conv=notrunc 2>/dev/null")
            out = run_ok(sh, "dd if=/dev/memdrive of=/dev/null bs=1M count=64 2>&1", timeout=120)
            expect(whole in out, f"round {round}: the read did not finish:\n{out}")
            out = run_ok(sh, "dd if=/dev/memdrive bs=1M skip=63 count=1 2>/dev/null | head -c 7; echo")
            expect(out.strip() == mark, f"round {round}: the disk's end reads {out!r}, not {mark!r}")


@boot_test
def block_memdrive_o_direct(build_dir):
    """O_DIRECT on /dev/memdrive moves the user's pages to and from the disk
    without the buffer cache, agrees with buffered I/O both ways, and refuses
    what is not whole sectors (EINVAL) and bad buffers (EFAULT)."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=2048")
        out = sh.run("fstest direct /dev/memdrive; echo exit=$?")
        expect("FAIL" not in out and out.count("ok ") == 9 and "exit=0" in out, f"fstest direct:\n{out}")


def memdrive_counts(sh):
    """/dev/memdrive's reads, sectors read, writes and sectors written (/proc/diskstats)."""
    fields = re.search(r"^\s*\d+\s+\d+ memdrive (.*)$", sh.run("cat /proc/diskstats"), re.M).group(1).split()
    return int(fields[0]), int(fields[2]), int(fields[4]), int(fields[6])


@boot_test
def block_direct_io_whole_bios(build_dir):
    """An O_DIRECT transfer of 1 MiB reaches the driver in bios as big as its
    queue takes (255 sectors: 31 pages), not a few pages each: /proc/diskstats
    counts 9 reads and 9 writes of 2048 sectors, and the data comes back."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=4096")
        run_ok(sh, "dd if=/dev/urandom of=/tmp/data bs=1M count=1 2>/dev/null")
        before = memdrive_counts(sh)
        run_ok(sh, "dd if=/tmp/data of=/dev/memdrive bs=1M count=1 oflag=direct 2>/dev/null")
        run_ok(sh, "dd if=/dev/memdrive of=/tmp/back bs=1M count=1 iflag=direct 2>/dev/null")
        after = memdrive_counts(sh)
        reads, read_sectors, writes, written_sectors = (a - b for a, b in zip(after, before))
        expect(read_sectors == 2048 and written_sectors == 2048,
               f"sectors read {read_sectors}, written {written_sectors}: not 2048 each")
        expect(reads <= 9 and writes <= 9, f"1 MiB took {reads} reads and {writes} writes, not 9 each")
        same = sh.run("cmp /tmp/data /tmp/back && echo same")
        expect("same" in same, f"the data read back differs:\n{same}")


@boot_test
def block_buffered_io_whole_bios(build_dir):
    """Buffered I/O through the buffer cache moves adjacent blocks together: a
    1 MiB write is written back and a 1 MiB read of blocks not cached is read
    in bios of up to 31 blocks (255 sectors), not one request a 4 KiB block:
    /proc/diskstats counts 9 of each, and the data comes back."""
    with Shell(build_dir) as sh:
        run_ok(sh, f"insmod {MODULES}/memdrive.ko nsectors=4096")
        run_ok(sh, "dd if=/dev/urandom of=/tmp/data bs=1M count=1 2>/dev/null")
        before = memdrive_counts(sh)
        run_ok(sh, "dd if=/tmp/data of=/dev/memdrive bs=1M count=1 conv=fsync 2>/dev/null")
        middle = memdrive_counts(sh)
        # The last close dropped the device's buffers: the read finds none cached.
        run_ok(sh, "dd if=/dev/memdrive of=/tmp/back bs=1M count=1 2>/dev/null")
        after = memdrive_counts(sh)
        writes, written_sectors = middle[2] - before[2], middle[3] - before[3]
        reads, read_sectors = after[0] - middle[0], after[1] - middle[1]
        expect(written_sectors == 2048 and read_sectors == 2048,
               f"sectors written {written_sectors}, read {read_sectors}: not 2048 each")
        expect(writes <= 9 and reads <= 9, f"1 MiB took {writes} writes and {reads} reads, not 9 each")
        same = sh.run("cmp /tmp/data /tmp/back && echo same")
        expect("same" in same, f"the data read back differs:\n{same}")
