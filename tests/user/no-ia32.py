#!/usr/bin/env python3
"""no-ia32.py COMMAND [ARGS...] - runs COMMAND as if this amd64 host had no IA32
emulation: a seccomp filter, inherited by every process COMMAND starts, kills
(SIGSYS) any process that makes a system call through the i386 ABI. An i386
program that the host kernel runs directly dies at its first system call;
qemu-i386 is an amd64 program and runs i386 code with amd64 system calls, so it
is not affected. Proves that run-i386.sh's qemu mode sends every i386 program,
also those the programs start themselves, through qemu-i386.
With KERNLAB_I386_PROBE (an i386 busybox) set, it first checks that the filter
kills that program run directly, so a guarded test cannot pass vacuously."""
import ctypes
import errno
import os
import signal
import struct
import subprocess
import sys

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
AUDIT_ARCH_I386 = 0x40000003
SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ALLOW = 0x7FFF0000
# classic BPF opcodes (linux/filter.h)
BPF_LD_W_ABS = 0x20
BPF_JEQ_K = 0x15
BPF_RET_K = 0x06
ARCH_OFFSET = 4  # struct seccomp_data { int nr; __u32 arch; ... }


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install_filter():
    insns = [
        (BPF_LD_W_ABS, 0, 0, ARCH_OFFSET),
        (BPF_JEQ_K, 0, 1, AUDIT_ARCH_I386),  # i386 ABI: next; else skip one
        (BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        (BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW),
    ]
    code = b"".join(struct.pack("=HBBI", *i) for i in insns)  # struct sock_filter
    buf = ctypes.create_string_buffer(code, len(code))
    prog = SockFprog(len(insns), ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return os.strerror(ctypes.get_errno())
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        return os.strerror(ctypes.get_errno())
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: no-ia32.py COMMAND [ARGS...]")
    if os.uname().machine != "x86_64":
        sys.exit("no-ia32: needs an x86_64 host, this is %s" % os.uname().machine)
    error = install_filter()
    if error:
        sys.exit("no-ia32: cannot install the seccomp filter: %s" % error)
    probe = os.environ.get("KERNLAB_I386_PROBE")
    if probe:
        try:
            status = subprocess.run([probe, "true"], stderr=subprocess.DEVNULL).returncode
        except OSError as error:
            # ENOEXEC: this host has no IA32 emulation at all; the filter is moot.
            status = -signal.SIGSYS if error.errno == errno.ENOEXEC else error.errno
        if status != -signal.SIGSYS:
            sys.exit("no-ia32: %s run directly under the filter exited with %d, not SIGSYS" % (probe, status))
    sys.stdout.flush()
    os.execvp(sys.argv[1], sys.argv[1:])


main()
