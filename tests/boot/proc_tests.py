"""Boot tests of /proc as Linux has it for processes (exe, fd, status, maps),
/proc/mounts and /proc/meminfo, "#!" scripts, and the misc system calls
(prctl, sched_getaffinity, the time64 clocks), typed at busybox ash."""

import os
import re
import struct

from registry import boot_test, expect
from shell import Shell
from checks import meminfo_kb, user_output as out

MAPS_LINE = re.compile(r"^([0-9a-f]{8})-([0-9a-f]{8}) [r-][w-][x-][ps] [0-9a-f]{8} [0-9a-f]{2}:[0-9a-f]{2} \d+ (.*)$")


@boot_test
def proc_self_exe(build_dir):
    """/proc/self/exe names the executable (busybox for every applet), readlink
    works on it, and running a program through it works: a link to
    /proc/self/exe runs the caller's own binary, and sh -c and sed, which
    busybox re-executes through it, run."""
    with Shell(build_dir) as sh:
        listing = out(sh, "ls -l /proc/self/exe")
        expect(re.search(r"^lrwxrwxrwx .* /proc/self/exe -> /bin/busybox$", listing, re.M), f"ls -l:\n{listing}")
        expect(out(sh, "readlink /proc/self/exe") == "/bin/busybox", "readlink /proc/self/exe")
        expect(out(sh, "busybox readlink /proc/self/exe") == "/bin/busybox", "busybox readlink")
        expect(re.fullmatch(r"\d+", out(sh, "readlink /proc/self")), "/proc/self is a pid")
        expect(out(sh, "ln -s /proc/self/exe /tmp/echo && /tmp/echo through-exe") == "through-exe",
               "exec through /proc/self/exe")
        expect(out(sh, "sh -c 'echo from sh -c'") == "from sh -c", "sh -c")
        expect(out(sh, "echo abc | sed s/b/X/") == "aXc", "sed")
        cwd = out(sh, "cd /tmp && readlink /proc/self/cwd; cd /")
        expect(cwd == "/tmp", f"cwd link: {cwd!r}")
        expect(out(sh, "readlink /proc/self/root") == "/", "root link")
        pid = out(sh, "echo $$")
        expect(out(sh, f"cat /proc/{pid}/comm") == "sh", "comm of the shell")
        expect(out(sh, f"readlink /proc/{pid}/exe") == "/bin/busybox", "exe of another process")
        expect(out(sh, f"ls /proc/{pid}/task") == pid, "task/ lists the thread")
        # busybox runs tr without exec (NOEXEC applet), so read the shell's own.
        expect(out(sh, "tr '\\0' ' ' < /proc/$$/cmdline") == "-sh", "cmdline of the login shell")
        expect("PATH=" in out(sh, "tr '\\0' '\\n' < /proc/self/environ"), "environ")


def load_segments(path):
    """(vaddr, offset, filesz, flags) of each PT_LOAD of the ELF32 file at `path`."""
    with open(path, "rb") as f:
        data = f.read()
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    segments = []
    for i in range(phnum):
        kind, offset, vaddr, _, filesz, _, flags, _ = struct.unpack_from("<8I", data, phoff + i * phentsize)
        if kind == 1:
            segments.append((vaddr, offset, filesz, flags))
    return segments


def expect_exe_maps(sh, build_dir, maps, who):
    """The program's areas are named /bin/busybox with their file offset,
    device and inode, as Linux's ELF loader maps them: each PT_LOAD's file
    pages are covered by such lines (mprotect may have split one, as glibc's
    RELRO does), each with no more permissions than the segment has."""
    ino, dev = out(sh, "stat -c '%i %d' /bin/busybox").split()
    dev = int(dev)   # st_dev as new_encode_dev makes it
    device = f"{(dev >> 8) & 0xfff:02x}:{(dev & 0xff) | ((dev >> 12) & 0xfff00):02x}"
    areas = {}
    for line in maps:
        match = MAPS_LINE.match(line)
        if match and match.group(3).strip() == "/bin/busybox":
            fields = line.split()
            areas[int(match.group(1), 16)] = (int(match.group(2), 16), fields[1], int(fields[2], 16), fields[3], fields[4])
    page = 4096
    for vaddr, offset, filesz, flags in load_segments(os.path.join(build_dir, "target", "busybox", "busybox")):
        if not filesz:
            continue
        allowed = {"r": flags & 4, "w": flags & 2, "x": flags & 1}
        address, end = vaddr & ~(page - 1), (vaddr + filesz + page - 1) & ~(page - 1)
        while address < end:
            area = areas.get(address)
            expect(area, f"{who}'s maps have no /bin/busybox area at {address:08x}:\n" + "\n".join(maps))
            area_end, perms, area_offset, area_device, area_ino = area
            want = (offset & ~(page - 1)) + address - (vaddr & ~(page - 1))
            expect(area_offset == want and area_device == device and area_ino == ino,
                   f"{who}: {address:08x} should be offset {want:08x} of {device} {ino}:\n" + "\n".join(maps))
            expect(perms[3] == "p" and all(c == "-" or allowed[c] for c in perms[:3]),
                   f"{who}: {address:08x} has {perms}, more than the segment allows")
            address = area_end
        expect(address == end, f"{who}: the area of the segment at {vaddr:08x} ends at {address:08x}, not {end:08x}")


@boot_test
def proc_self_status_maps_fd(build_dir):
    """status has Linux's fields, maps Linux's line format with [heap] and
    [stack] in the name column and the program's areas named /bin/busybox with
    their offset, device and inode (after exec and in a forked child, with no
    leak over fork+exec rounds), fd/ one link per descriptor."""
    with Shell(build_dir) as sh:
        status = out(sh, "cat /proc/self/status")
        for pattern in [r"Name:\tcat", r"Umask:\t0022", r"State:\tR \(running\)", r"Tgid:\t(\d+)", r"Ngid:\t0",
                        r"Pid:\t\d+", r"PPid:\t\d+", r"TracerPid:\t0", r"Uid:\t0\t0\t0\t0", r"Gid:\t0\t0\t0\t0",
                        r"FDSize:\t256", r"Groups:\t", r"VmPeak:\s+\d+ kB", r"VmSize:\s+\d+ kB", r"VmRSS:\s+[1-9]\d* kB",
                        r"VmStk:\s+\d+ kB", r"Threads:\t1", r"SigQ:\t\d+/\d+", r"SigPnd:\t[0-9a-f]{16}",
                        r"ShdPnd:\t[0-9a-f]{16}", r"SigBlk:\t[0-9a-f]{16}", r"SigIgn:\t[0-9a-f]{16}",
                        r"SigCgt:\t[0-9a-f]{16}", r"Cpus_allowed_list:\t0"]:
            expect(re.search("^" + pattern + "$", status, re.M), f"status lacks {pattern!r}:\n{status}")
        stat = out(sh, "cat /proc/self/stat").split()
        expect(len(stat) == 52 and stat[1] == "(cat)" and stat[2] == "R", f"stat: {stat}")
        statm = out(sh, "cat /proc/self/statm").split()
        expect(len(statm) == 7 and all(x.isdigit() for x in statm) and int(statm[1]) > 0, f"statm: {statm}")

        maps = out(sh, "cat /proc/self/maps").split("\n")
        names = []
        for line in maps:
            match = MAPS_LINE.match(line)
            expect(match, f"maps line not in Linux's format: {line!r}")
            name = match.group(3).strip()
            if name:
                # Linux pads to 48 columns on a 32-bit kernel, then one space.
                expect(line.index(name) == 49, f"name not in column 49: {line!r}")
                names.append(name)
        expect("[heap]" in names and "[stack]" in names, f"maps names: {names}\n" + "\n".join(maps))
        expect_exe_maps(sh, build_dir, maps, "cat")

        # A forked shell (no exec) has the same areas; when it is gone the parent's are intact.
        child = out(sh, "( while read -r line; do echo \"$line\"; done < /proc/self/maps )").split("\n")
        expect_exe_maps(sh, build_dir, child, "a subshell")
        expect_exe_maps(sh, build_dir, out(sh, "cat /proc/$$/maps").split("\n"), "the login shell")
        # The areas hold the file: fork+exec rounds leak neither memory nor slab.
        # (An exec's struct file kept by one extra reference costs about 0.1 kB a round.)
        loop = "i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done; echo $i"
        expect(out(sh, loop, timeout=300) == "300", "warm-up loop")
        free, slab = meminfo_kb(sh, "MemFree"), meminfo_kb(sh, "Slab")
        expect(out(sh, loop, timeout=300) == "300", "fork+exec loop")
        lost_free, grown_slab = free - meminfo_kb(sh, "MemFree"), meminfo_kb(sh, "Slab") - slab
        expect(lost_free < 24 and grown_slab < 12,
               f"300 fork+execs lost {lost_free} kB of MemFree, grew Slab by {grown_slab} kB")

        mine = out(sh, "mkdir -p /tmp/d/e && echo x > /tmp/d/e/f && ls -l /proc/self/fd 5</bin/busybox 6</tmp/d/e/f | cat")
        for pattern in [r"lrwx------ .* 0 -> /dev/console", r"l-wx------ .* 1 -> pipe:\[\d+\]",
                        r"lr-x------ .* 5 -> /bin/busybox", r"lr-x------ .* 6 -> /tmp/d/e/f"]:
            expect(re.search(pattern + "$", mine, re.M), f"ls -l /proc/self/fd lacks {pattern!r}:\n{mine}")
        expect(out(sh, "cat /proc/self/fd/6 6</tmp/d/e/f") == "x", "open through fd/N")


@boot_test
def proc_mounts_meminfo(build_dir):
    """/proc/mounts (and /proc/self/mounts) list every mount in Linux's format,
    so busybox mount and df show them; meminfo has what free reads, with the
    buffer cache as Buffers."""
    with Shell(build_dir) as sh:
        mounts = out(sh, "cat /proc/mounts")
        for line in ["rootfs / rootfs rw 0 0", "devtmpfs /dev devtmpfs rw,relatime 0 0",
                     "proc /proc proc rw,relatime 0 0"]:
            expect(line in mounts.split("\n"), f"/proc/mounts lacks {line!r}:\n{mounts}")
        expect(out(sh, "readlink /proc/mounts") == "self/mounts", "/proc/mounts -> self/mounts")
        out(sh, "mkdir -p /mnt/t && mount -t tmpfs -o ro none /mnt/t")
        mounts = out(sh, "cat /proc/self/mounts")
        expect("none /mnt/t tmpfs ro,relatime 0 0" in mounts.split("\n"), f"tmpfs mount missing:\n{mounts}")
        expect("none on /mnt/t type tmpfs (ro,relatime)" in out(sh, "mount"), "mount without arguments")
        df = out(sh, "df -a")
        expect(re.search(r"^none\s+\d+\s+\d+\s+\d+\s+\S+ /mnt/t$", df, re.M), f"df -a lists /mnt/t:\n{df}")

        meminfo = out(sh, "cat /proc/meminfo")
        for field in ["MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapTotal", "SwapFree",
                      "Shmem", "Slab", "SReclaimable"]:
            expect(re.search(rf"^{field}:\s+\d+ kB$", meminfo, re.M), f"meminfo lacks {field}:\n{meminfo}")
        expect(re.search(r"^Mem:\s+\d+\s+\d+\s+\d+", out(sh, "free"), re.M), "free")
        # Reading a block device fills the buffer cache, which Buffers reports
        # (fd 7 keeps the device open: the last close drops its buffers).
        out(sh, "insmod /lib/modules/memdrive.ko nsectors=4096 && exec 7</dev/memdrive")
        out(sh, "dd if=/dev/memdrive of=/dev/null bs=4096 count=256")
        buffers = re.search(r"^Buffers:\s+(\d+) kB$", out(sh, "cat /proc/meminfo"), re.M)
        out(sh, "exec 7<&-")
        expect(buffers and int(buffers.group(1)) >= 512, f"Buffers after reading 1 MiB: {buffers and buffers.group(1)}")
        expect(out(sh, "nproc") == "1", "nproc")


@boot_test
def script_shebang(build_dir):
    """execve of a "#!" file runs its interpreter with the script's path and
    arguments, an optional interpreter argument, nested interpreters; a file
    without x is refused (EACCES)."""
    with Shell(build_dir) as sh:
        got = out(sh, "printf '#!/bin/sh\\necho script ran $0 $1\\n' > /tmp/x.sh; chmod +x /tmp/x.sh; /tmp/x.sh arg")
        expect(got.split("\n")[-1] == "script ran /tmp/x.sh arg", f"script: {got!r}")
        got = out(sh, "printf '#!/bin/busybox echo\\n' > /tmp/y; chmod +x /tmp/y; /tmp/y two")
        expect(got.split("\n")[-1] == "/tmp/y two", f"interpreter argument: {got!r}")
        # The rest of the line is one argument, not split (busybox sees it as an applet name).
        got = out(sh, "printf '#!/bin/busybox echo  one arg \\n' > /tmp/w; chmod +x /tmp/w; /tmp/w two")
        expect(got.split("\n")[-1] == "echo  one arg: applet not found", f"one interpreter argument: {got!r}")
        got = out(sh, "printf '#!/tmp/x.sh\\n' > /tmp/z; chmod +x /tmp/z; /tmp/z last")
        expect(got.split("\n")[-1] == "script ran /tmp/x.sh /tmp/z", f"nested interpreter: {got!r}")
        got = out(sh, "chmod -x /tmp/x.sh; /tmp/x.sh; echo status $?")
        expect("Permission denied" in got and got.endswith("status 126"), f"no x bit: {got!r}")


@boot_test
def proc_misc_syscalls(build_dir):
    """prctl, sched_getaffinity, the time64 clock calls, rseq's deliberate
    ENOSYS and execve's ENOEXEC/EACCES (user/tests/proc_syscalls.c); none of
    them is logged as an unknown system call."""
    with Shell(build_dir) as sh:
        got = out(sh, "proc_syscalls", timeout=60)
        expect("proc_syscalls: 25 passed, 0 failed" in got, f"proc_syscalls:\n{got}")
        expect("unknown system call" not in sh.output(), "an unknown system call was logged")


@boot_test
def proc_magic_links(build_dir):
    """/proc/PID/fd/N, exe and cwd are magic links as on Linux: following one
    opens the very file (or directory) the process has, so an unlinked file, a
    pipe, a deleted executable and a removed cwd can still be reached, while
    readlink shows the name, with " (deleted)" once the file is unlinked."""
    with Shell(build_dir) as sh:
        got = out(sh, "busybox sh -c 'echo kept > /tmp/f; exec 3</tmp/f; rm /tmp/f; "
                      "cat /proc/self/fd/3; readlink /proc/self/fd/3; ls -l /proc/self/fd/3'")
        lines = got.split("\n")
        expect(lines[:2] == ["kept", "/tmp/f (deleted)"], f"unlinked file through fd/3:\n{got}")
        expect(re.search(r"^lr-x------ .* /proc/self/fd/3 -> /tmp/f \(deleted\)$", got, re.M),
               f"ls -l of an unlinked file's fd:\n{got}")
        # Another process's descriptor of an unlinked file.
        got = out(sh, "busybox sh -c 'echo theirs > /tmp/g; exec 4</tmp/g; rm /tmp/g; "
                      "busybox sh -c \"cat /proc/$$/fd/4\"'")
        expect(got == "theirs", f"unlinked file through /proc/PID/fd/4: {got!r}")
        # Pipes: "pipe:[N]" is no path, the link opens the pipe itself.
        got = out(sh, "busybox sh -c 'echo via-fd1 > /proc/self/fd/1; readlink /proc/self/fd/1' | cat")
        expect(re.fullmatch(r"via-fd1\npipe:\[\d+\]", got), f"writing through /proc/self/fd/1 (a pipe): {got!r}")
        got = out(sh, "echo piped | busybox sh -c 'cat /proc/$$/fd/0'")
        expect(got == "piped", f"reading a pipe through /proc/PID/fd/0: {got!r}")
        # Reopening a file through fd/N: same file, new offset; O_WRONLY on a read-only fd works.
        got = out(sh, "busybox sh -c 'echo 12345 > /tmp/h; exec 5</tmp/h; read -n 2 x <&5; "
                      "cat /proc/self/fd/5; echo more >> /proc/self/fd/5; cat /tmp/h'")
        expect(got == "12345\n12345\nmore", f"reopening through fd/5: {got!r}")
        # A deleted executable: the shell re-runs busybox through /proc/self/exe.
        # (busybox run under a name starting "busybox" takes the applet from argv[1].)
        got = out(sh, "cp /bin/busybox /tmp/busybox-copy && /tmp/busybox-copy sh -c 'rm /tmp/busybox-copy; "
                      "readlink /proc/$$/exe; ls -l /proc/$$/exe; /bin/busybox test -e /tmp/busybox-copy || echo gone; "
                      "ln -s /proc/$$/exe /tmp/echo; /tmp/echo still runs'", timeout=60)
        lines = got.split("\n")
        expect(lines[0] == "/tmp/busybox-copy (deleted)", f"readlink exe of a deleted binary:\n{got}")
        expect(re.search(r"^lrwxrwxrwx .* /proc/\d+/exe -> /tmp/busybox-copy \(deleted\)$", got, re.M),
               f"ls -l exe:\n{got}")
        expect("gone" in lines and lines[-1] == "still runs", f"exec through a deleted exe:\n{got}")
        # A removed directory as cwd: its link still leads to it.
        got = out(sh, "busybox sh -c 'mkdir /tmp/rd && cd /tmp/rd && rmdir /tmp/rd && ls -a /proc/self/cwd/ "
                      "&& echo listed'")
        expect(got.split() == [".", "..", "listed"], f"removed cwd through /proc/self/cwd: {got!r}")
        expect(out(sh, "readlink /proc/self/exe") == "/bin/busybox", "readlink /proc/self/exe")
        expect(out(sh, "rm /tmp/echo; echo done") == "done", "cleanup")


@boot_test
def proc_meminfo_cached(build_dir):
    """Cached counts the pages of ramfs/tmpfs files (Shmem those of tmpfs): it
    grows by the size of a 4 MiB file written to /tmp and shrinks when it is
    removed; MemFree follows, and the pages are not MemAvailable (no swap)."""
    with Shell(build_dir) as sh:
        cached = meminfo_kb(sh, "Cached")
        expect(cached > 1000, f"the initramfs files are cached: {cached} kB")
        free = meminfo_kb(sh, "MemFree")
        available = meminfo_kb(sh, "MemAvailable")
        out(sh, "dd if=/dev/zero of=/tmp/big bs=4096 count=1024 2>/dev/null")
        grown = meminfo_kb(sh, "Cached") - cached
        expect(4000 <= grown <= 4300, f"Cached grew by {grown} kB for a 4 MiB file")
        expect(free - meminfo_kb(sh, "MemFree") >= 4000, "MemFree fell by the file's pages")
        expect(available - meminfo_kb(sh, "MemAvailable") >= 4000, "the pages are not available")
        out(sh, "rm /tmp/big")
        after = meminfo_kb(sh, "Cached")
        expect(abs(after - cached) <= 100, f"Cached after rm: {after} kB, before: {cached} kB")
        shmem = meminfo_kb(sh, "Shmem")
        out(sh, "mkdir -p /mnt/s && mount -t tmpfs none /mnt/s && dd if=/dev/zero of=/mnt/s/x bs=4096 count=256 2>/dev/null")
        expect(meminfo_kb(sh, "Shmem") - shmem >= 1024, "Shmem counts tmpfs pages")
        out(sh, "rm /mnt/s/x && umount /mnt/s")
        expect(abs(meminfo_kb(sh, "Shmem") - shmem) <= 8, "Shmem after rm")
