#!/bin/sh
# Lists the kernel's exports (EXPORT_SYMBOL / EXPORT_SYMBOL_GPL) in Linux's
# Module.symvers format, for modpost's "undefined!" check.  gen-symvers.sh kernel.elf
set -eu
"${CROSS_COMPILE:-i686-linux-gnu-}nm" "$1" | awk '
  # C++ files give their static __ksymtab_<sym> a mangled name: _ZL<length>__ksymtab_<sym>.
  { name = $3; sub(/^_ZL[0-9]+/, "", name); addr[name] = $1; if (name ~ /^__ksymtab_/) syms[name] = $1 }
  END {
    lo = addr["__start___ksymtab_gpl"]; hi = addr["__stop___ksymtab_gpl"]
    for (s in syms) {
      kind = (lo != "" && syms[s] >= lo && syms[s] < hi) ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL"
      printf "0x00000000\t%s\tvmlinux\t%s\t\n", substr(s, 11), kind
    }
  }' | LC_ALL=C sort -k2,2
