#!/bin/sh
# Before the kernel is linked: every function kernel/syscalls/syscall_list.h names
# must be defined by one of the kernel's objects. The table refers to them
# strongly, so the link would fail anyway; this says which line and what to write.
#   check-syscalls.sh SYSCALL_LIST_H OBJECT...
set -eu
list=$1
shift
defined=$(mktemp)
trap 'rm -f "$defined"' EXIT
i686-linux-gnu-nm --defined-only -g "$@" | awk 'NF == 3 { print $3 }' | sort -u > "$defined"
awk -v defined="$defined" '
  BEGIN { while ((getline name < defined) > 0) have[name] = 1 }
  match($0, /^[ \t]*SYSCALL\([ \t]*__NR_[A-Za-z0-9_]+[ \t]*,[ \t]*[A-Za-z0-9_]+[ \t]*\)/) {
    entry = substr($0, RSTART, RLENGTH)
    gsub(/[ \t]/, "", entry)
    split(substr(entry, 9, length(entry) - 9), parts, ",")
    number = parts[1]; function_name = parts[2]
    if (!(function_name in have)) {
      short = function_name; sub(/^sys_/, "", short)
      printf "%s:%d: error: %s (%s) is in the system call table, but no kernel source defines it.\n", FILENAME, FNR, function_name, number
      printf "  Write it in a .c or .cpp file under kernel/ (e.g. kernel/%s.c):\n", short
      printf "      #include <linux/syscalls.h>\n"
      printf "      SYSCALL_DEFINE0(%s) { ... }      or   asmlinkage long %s(void) { ... }\n", short, function_name
      printf "  (in C++: extern \"C\" long %s(...)), or remove its line from the list.\n", function_name
      missing++
    }
  }
  END {
    if (missing) {
      printf "error: %d system call(s) listed without a function; see docs/add-a-system-call.md\n", missing
      exit 1
    }
  }' "$list"
