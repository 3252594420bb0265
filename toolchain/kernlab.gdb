# gdb set-up for kernlab: attach to QEMU's stub, stop at start_kernel.
set architecture i386
set disassembly-flavor intel
target remote localhost:1234
break start_kernel
break panic
echo kernlab: breakpoints at start_kernel and panic; type 'continue'.\n
