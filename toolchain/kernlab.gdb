# gdb set-up for kernlab: attach to QEMU's gdb stub and load the kernel's and
# the modules' symbols. Start QEMU first (`cmake --build --preset debug`), then
# in another terminal `cmake --build --preset gdb`, or by hand from the repo:
#     gdb -x toolchain/kernlab.gdb build/kernel.elf
# Ctrl-C stops the kernel, `continue` resumes it. KERNLAB_GDB_PORT picks
# another port than 1234.
set disassembly-flavor intel
set breakpoint pending on
python
import os
try:
    gdb.execute("help kl-symbols", to_string=True)   # toolchain/gdb.sh sourced it already
except gdb.error:
    gdb.execute("source toolchain/gdb/kernlab.py")
gdb.execute("target remote localhost:" + os.environ.get("KERNLAB_GDB_PORT", "1234"))
end
# Modules already loaded (attaching to a running kernel), and every later insmod.
kl-symbols
break start_kernel
break panic
echo kernlab: breakpoints at start_kernel and panic; type 'continue' (Ctrl-C stops the kernel again).\n
echo kernlab: kl-symbols (module symbols, automatic at insmod), kl-lsmod, kl-dmesg, kl-ps; 'help kl-symbols'.\n
