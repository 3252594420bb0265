# Links kernel.elf (twice: the second link embeds the symbol table that oops
# backtraces print), packs the initramfs and makes the GRUB ISO.
set(KERNEL_OBJECTS
  $<TARGET_OBJECTS:boot_objs> $<TARGET_OBJECTS:kernel_objs> $<TARGET_OBJECTS:driver_objs>)
set(KERNEL_LINK_OPTIONS -T ${CMAKE_SOURCE_DIR}/linker.ld -nostdlib -static -no-pie
  -Wl,--build-id=none -Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments)

function(add_kernel_link name ksyms_source)
  add_executable(${name} ${KERNEL_OBJECTS} ${ksyms_source})
  set_target_properties(${name} PROPERTIES LINKER_LANGUAGE CXX)
  target_link_libraries(${name} PRIVATE kernel_flags libk gcc)
  target_link_options(${name} PRIVATE ${KERNEL_LINK_OPTIONS})
  set_target_properties(${name} PROPERTIES LINK_DEPENDS ${CMAKE_SOURCE_DIR}/linker.ld)
endfunction()

# Stage 1: an empty symbol table.
add_kernel_link(kernel_stage1.elf ${CMAKE_SOURCE_DIR}/kernel/debug/ksyms_empty.c)
# Every function the system call table names is defined (a clear message instead
# of the linker's "undefined reference").
add_custom_command(TARGET kernel_stage1.elf PRE_LINK
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/check-syscalls.sh ${CMAKE_SOURCE_DIR}/kernel/syscalls/syscall_list.h ${KERNEL_OBJECTS}
  COMMENT "Checking the system call table" VERBATIM COMMAND_EXPAND_LISTS)

# Stage 2: the table generated from stage 1. It sits after .text, .rodata and
# .data, so no function or initialised variable moves between the links; .bss,
# after it, moves when the table grows. Stage 2's table has the final size, so
# the table made from stage 2 gives every symbol its final address (Linux's
# kallsyms links three times for the same reason); the build checks that.
set(KSYMS_STAGE1_C ${CMAKE_BINARY_DIR}/ksyms_stage1.c)
add_custom_command(OUTPUT ${KSYMS_STAGE1_C}
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/gen-ksyms.sh $<TARGET_FILE:kernel_stage1.elf> > ${KSYMS_STAGE1_C}
  DEPENDS kernel_stage1.elf ${CMAKE_SOURCE_DIR}/toolchain/gen-ksyms.sh
  COMMENT "Generating the kernel symbol table (stage 1)")
add_kernel_link(kernel_stage2.elf ${KSYMS_STAGE1_C})
set(KSYMS_C ${CMAKE_BINARY_DIR}/ksyms.c)
add_custom_command(OUTPUT ${KSYMS_C}
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/gen-ksyms.sh $<TARGET_FILE:kernel_stage2.elf> > ${KSYMS_C}
  DEPENDS kernel_stage2.elf ${CMAKE_SOURCE_DIR}/toolchain/gen-ksyms.sh
  COMMENT "Generating the kernel symbol table")
add_kernel_link(kernel.elf ${KSYMS_C})
set_target_properties(kernel.elf PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${KERNLAB_OUTPUT_DIR})
add_custom_command(TARGET kernel.elf POST_BUILD
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/gen-ksyms.sh $<TARGET_FILE:kernel.elf> > ${CMAKE_BINARY_DIR}/ksyms.check.c
  COMMAND ${CMAKE_COMMAND} -E compare_files ${KSYMS_C} ${CMAKE_BINARY_DIR}/ksyms.check.c
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/print-size.sh $<TARGET_FILE:kernel.elf>
  COMMENT "Checking the embedded symbol table")

# Busybox (Debian's busybox-static:i386, fetched by toolchain/setup.sh) is the
# user space's commands and /bin/sh. Every build checks it (ELF32 i386 static),
# prints its version and copies it with its applet list to busybox/, rewriting
# them only when they changed.
set(KERNLAB_BUSYBOX ${CMAKE_SOURCE_DIR}/.cache/busybox/busybox CACHE FILEPATH
  "The busybox-static i386 binary for the initramfs (toolchain/setup.sh fetches it)")
set(BUSYBOX_DIR ${CMAKE_BINARY_DIR}/busybox)
add_custom_target(busybox_check ALL
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/check-busybox.sh ${KERNLAB_BUSYBOX} ${BUSYBOX_DIR}
  BYPRODUCTS ${BUSYBOX_DIR}/busybox ${BUSYBOX_DIR}/applets
  COMMENT "Checking busybox")

# The initramfs: a cpio (newc) archive of user/rootfs/ (the /etc files), busybox
# with its applet links, and every program registered with add_user_program()
# (user/CMakeLists.txt).
set(INITRAMFS ${KERNLAB_OUTPUT_DIR}/initramfs.cpio)
get_property(ROOTFS_ENTRIES GLOBAL PROPERTY KERNLAB_ROOTFS_ENTRIES)
get_property(ROOTFS_TARGETS GLOBAL PROPERTY KERNLAB_ROOTFS_TARGETS)
file(GLOB_RECURSE ROOTFS_SKELETON CONFIGURE_DEPENDS LIST_DIRECTORIES false ${CMAKE_SOURCE_DIR}/user/rootfs/*)
add_custom_command(OUTPUT ${INITRAMFS}
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/mkinitramfs.sh ${CMAKE_BINARY_DIR}/rootfs ${INITRAMFS}
          ${CMAKE_SOURCE_DIR}/user/rootfs ${BUSYBOX_DIR} ${ROOTFS_ENTRIES}
  DEPENDS ${CMAKE_SOURCE_DIR}/toolchain/mkinitramfs.sh ${ROOTFS_SKELETON} ${ROOTFS_TARGETS}
          busybox_check ${BUSYBOX_DIR}/busybox ${BUSYBOX_DIR}/applets
  COMMENT "Packing initramfs.cpio")

# The boot tests' initramfs: the one above with a second archive appended
# (the kernel unpacks concatenated archives, as Linux does) of the test
# programs that users do not need (add_glibc_program).
set(TEST_INITRAMFS ${KERNLAB_OUTPUT_DIR}/initramfs-tests.cpio)
get_property(TEST_ENTRIES GLOBAL PROPERTY KERNLAB_TEST_ENTRIES)
get_property(TEST_TARGETS GLOBAL PROPERTY KERNLAB_TEST_TARGETS)
add_custom_command(OUTPUT ${TEST_INITRAMFS}
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/mktestarchive.sh ${CMAKE_BINARY_DIR}/rootfs-tests ${INITRAMFS}
          ${TEST_INITRAMFS} ${TEST_ENTRIES}
  DEPENDS ${CMAKE_SOURCE_DIR}/toolchain/mktestarchive.sh ${INITRAMFS} ${TEST_TARGETS}
  COMMENT "Packing initramfs-tests.cpio")
add_custom_target(test_initramfs ALL DEPENDS ${TEST_INITRAMFS})

# The bootable ISO: GRUB (BIOS) with the kernel (without DWARF: gdb reads
# build/kernel.elf; backtraces use the embedded symbol table) and the
# initramfs, compressed.
set(ISO ${KERNLAB_OUTPUT_DIR}/kernlab.iso)
set(ISO_DIR ${CMAKE_BINARY_DIR}/isodir)
add_custom_command(OUTPUT ${ISO}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${ISO_DIR}/boot/grub
  COMMAND i686-linux-gnu-strip --strip-debug -o ${ISO_DIR}/boot/kernel.elf $<TARGET_FILE:kernel.elf>
  COMMAND ${CMAKE_COMMAND} -E copy ${INITRAMFS} ${ISO_DIR}/boot/initramfs.cpio
  # gzip'd (initramfs.cpio.gz): GRUB reads the CD at about 9 MB/s here. grub.cfg loads it with
  # module2 --nounzip: the kernel inflates it about 150 ms sooner than GRUB's own gunzip would.
  COMMAND gzip -9 -n -f ${ISO_DIR}/boot/initramfs.cpio
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/boot/grub/grub.cfg ${ISO_DIR}/boot/grub/grub.cfg
  COMMAND grub-mkrescue -d /usr/lib/grub/i386-pc -o ${ISO} ${ISO_DIR} 2> ${CMAKE_BINARY_DIR}/grub-mkrescue.log
          || (cat ${CMAKE_BINARY_DIR}/grub-mkrescue.log && false)
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/print-size.sh ${ISO}
  DEPENDS kernel.elf ${INITRAMFS} ${CMAKE_SOURCE_DIR}/boot/grub/grub.cfg
  COMMENT "Making the GRUB ISO")
add_custom_target(iso ALL DEPENDS ${ISO})
