#!/bin/sh
# The out-of-tree module build, as a student does it: a folder with hello.c and a
# two-line Makefile, `make -C <kit> M=$dir modules`, then checks of hello.ko.
#   build_out_of_tree.sh KIT_DIR HELLO_SAMPLE_DIR
set -eu
kit=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. obj-m += hello.o and nothing else.
mkdir "$tmp/hello"
cp "$sample/hello.c" "$tmp/hello/"
printf 'obj-m += hello.o\n' > "$tmp/hello/Makefile"
make -C "$kit" M="$tmp/hello" modules > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make modules"; }
cat "$tmp/log"
grep -q '^  CC \[M\]  hello.o$' "$tmp/log" || fail "no '  CC [M]  hello.o' line"
grep -q '^  LD \[M\]  hello.ko$' "$tmp/log" || fail "no '  LD [M]  hello.ko' line"
ko=$tmp/hello/hello.ko
[ -f "$ko" ] || fail "no hello.ko"
header=$(readelf -h "$ko")
echo "$header" | grep -q 'Class:.*ELF32' || fail "not ELF32"
echo "$header" | grep -q 'Type:.*REL (Relocatable file)' || fail "not relocatable"
echo "$header" | grep -q 'Machine:.*Intel 80386' || fail "not i386"
readelf -W -S "$ko" | grep -q '\.gnu\.linkonce\.this' || fail "no .gnu.linkonce.this_module section"
readelf -W -s "$ko" | grep -q ' __this_module$' || fail "no __this_module symbol"
readelf -W -s "$ko" | grep -q ' init_module$' || fail "no init_module symbol"
modinfo=$(objcopy -O binary --only-section=.modinfo "$ko" /dev/stdout | tr '\0' '\n')
echo "$modinfo" | grep -qx 'license=GPL' || fail "no license=GPL in .modinfo: $modinfo"
echo "$modinfo" | grep -q '^vermagic=' || fail "no vermagic in .modinfo"
echo "$modinfo" | grep -qx 'name=hello' || fail "no name=hello in .modinfo"

# 2. Nothing to do the second time; clean removes what the build made.
make -C "$kit" M="$tmp/hello" modules 2>&1 | grep -q '\[M\]' && fail "rebuilt with nothing changed"
make -C "$kit" M="$tmp/hello" clean > /dev/null
[ "$(ls "$tmp/hello" | sort | tr '\n' ' ')" = "Makefile hello.c " ] || fail "clean left: $(ls -A "$tmp/hello")"

# 3. The classic Makefile: `make` in the folder calls the kit itself.
cat > "$tmp/hello/Makefile" <<MAKEFILE
obj-m += hello.o
KDIR ?= $kit
all:
	\$(MAKE) -C \$(KDIR) M=\$(CURDIR) modules
clean:
	\$(MAKE) -C \$(KDIR) M=\$(CURDIR) clean
MAKEFILE
make -C "$tmp/hello" > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make in the module folder"; }
[ -f "$ko" ] || fail "the classic Makefile made no hello.ko"

# 4. A module of two files: startstop-objs := start.o stop.o.
mkdir "$tmp/two"
cat > "$tmp/two/start.c" <<'C'
#include <linux/module.h>
int start(void) { return 0; }
module_init(start);
MODULE_LICENSE("GPL");
C
cat > "$tmp/two/stop.c" <<'C'
#include <linux/module.h>
void stop(void) { }
module_exit(stop);
C
printf 'obj-m += startstop.o\nstartstop-objs := start.o stop.o\n' > "$tmp/two/Makefile"
make -C "$kit" M="$tmp/two" modules > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "two-file module"; }
grep -q '^  LD \[M\]  startstop.o$' "$tmp/log" || fail "no '  LD [M]  startstop.o' line"
readelf -W -s "$tmp/two/startstop.ko" | grep -q ' cleanup_module$' || fail "startstop.ko lacks cleanup_module"

# 5. No MODULE_LICENSE: modpost warns, the module still builds.
mkdir "$tmp/nolic"
printf '#include <linux/module.h>\nstatic int f(void) { return 0; }\nmodule_init(f);\n' > "$tmp/nolic/nolic.c"
printf 'obj-m := nolic.o\n' > "$tmp/nolic/Makefile"
make -C "$kit" M="$tmp/nolic" modules > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "module without a licence"; }
grep -q 'WARNING: modpost: missing MODULE_LICENSE() in .*nolic.o' "$tmp/log" || fail "no missing-licence warning"
echo "PASS: out-of-tree module build"
