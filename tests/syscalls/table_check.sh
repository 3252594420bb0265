#!/bin/sh
# System calls the seed's way, checked on the real kernel objects:
#  1. the seed's kernel/hello.c (Listing 9, verbatim) and SYSCALL_DEFINEn files
#     compile with the kernel's C flags (and the C++ ones for the header);
#  2. without a sys_hello object the build's table check fails naming the line,
#     and the link itself fails (the table's references are not weak);
#  3. with the seed's hello.c in its place the check passes and the kernel links.
#   table_check.sh TARGET_BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$build"

# The kernel's C compile line (from kernel/sys/hello.c) and stage-1 link line.
cc=$(python3 -c '
import json, sys
for entry in json.load(open("compile_commands.json")):
    if entry["file"].endswith("/kernel/sys/hello.c"):
        print(entry["command"].split(" -o ")[0]); break
')
[ -n "$cc" ] || fail "kernel/sys/hello.c is not compiled by the kernel build"
link=$(ninja -t commands kernel_stage1.elf | tail -n 1 | awk -F ' && ' '{ print $4 }')
objects=$(echo "$link" | tr ' ' '\n' | grep '\.obj$' | grep -v 'ksyms_empty')
hello_obj=$(echo "$objects" | grep '/sys/hello\.c\.obj$') || fail "no hello.c.obj in the kernel link"
without=$(echo "$objects" | grep -v '/sys/hello\.c\.obj$')

# 1. The seed's Listing 9, as typed from the exercise.
cat > "$tmp/hello.c" <<'C'
#include <linux/kernel.h>
#include <linux/syscalls.h>

asmlinkage long sys_hello(void)
{
    printk(KERN_INFO "Hello system call!\n");
    return 0;
}
C
$cc -Werror -o "$tmp/hello.o" -c "$tmp/hello.c" || fail "the seed's hello.c does not compile"
cat > "$tmp/define.c" <<'C'
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

SYSCALL_DEFINE0(course_zero) { return 0; }
SYSCALL_DEFINE2(course_add, int, a, const char __user *, name) { return a + (name != NULL); }
SYSCALL_DEFINE6(course_six, int, a, int, b, int, c, int, d, int, e, unsigned long, f) { return a + b + c + d + e + (long)f; }
C
$cc -Werror -o "$tmp/define.o" -c "$tmp/define.c" || fail "SYSCALL_DEFINEn does not compile in C"
for symbol in sys_course_zero sys_course_add sys_course_six; do
  i686-linux-gnu-nm "$tmp/define.o" | grep -q " T $symbol$" || fail "define.c defines no $symbol"
done
cxx=$(echo "$cc" | sed 's|i686-linux-gnu-gcc |i686-linux-gnu-g++ -std=c++20 -fno-exceptions -fno-rtti |')
cp "$tmp/define.c" "$tmp/define.cpp"
$cxx -Werror -o "$tmp/define_cpp.o" -c "$tmp/define.cpp" || fail "SYSCALL_DEFINEn does not compile in C++"
i686-linux-gnu-nm "$tmp/define_cpp.o" | grep -q " T sys_course_add$" || fail "C++ SYSCALL_DEFINE2 is not extern \"C\""

# 2. No function for a listed system call: a clear message, and no kernel.
list=$src/kernel/syscalls/syscall_list.h
if "$src/toolchain/check-syscalls.sh" "$list" $without > "$tmp/check.log" 2>&1; then
  fail "the table check passed without sys_hello"
fi
cat "$tmp/check.log"
grep -q "syscall_list.h:[0-9]*: error: sys_hello (__NR_hello) is in the system call table, but no kernel source defines it" "$tmp/check.log" \
  || fail "the check did not name sys_hello's line"
grep -q "SYSCALL_DEFINE0(hello)" "$tmp/check.log" || fail "the check did not say what to write"
[ "$(grep -c ': error: ' "$tmp/check.log")" = 1 ] || fail "the check reported more than sys_hello"
no_hello_link=$(echo "$link" | sed "s|[^ ]*/sys/hello\.c\.obj||; s| -o kernel_stage1.elf| -o $tmp/nohello.elf|")
if sh -c "$no_hello_link" > "$tmp/link.log" 2>&1; then
  fail "the kernel linked without sys_hello (the table's references are weak)"
fi
grep -q "undefined reference to .sys_hello'" "$tmp/link.log" || { cat "$tmp/link.log"; fail "no undefined reference to sys_hello"; }

# 3. The seed's file instead of kernlab's: the check passes, the kernel links.
"$src/toolchain/check-syscalls.sh" "$list" $without "$tmp/hello.o" || fail "the check rejects the seed's hello.c"
seed_link=$(echo "$link" | sed "s|[^ ]*/sys/hello\.c\.obj|$tmp/hello.o|; s| -o kernel_stage1.elf| -o $tmp/seed.elf|")
sh -c "$seed_link" || fail "the kernel does not link with the seed's hello.c"
i686-linux-gnu-nm "$tmp/seed.elf" | grep -q " T sys_hello$" || fail "no sys_hello in the linked kernel"
echo "PASS: system call table check and seed-style C system calls"
