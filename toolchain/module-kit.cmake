# The module build kit (KDIR = ${KERNLAB_OUTPUT_DIR}/module-kit: the module API
# headers, the kit Makefile and modpost) and add_kernel_module() for in-tree samples.
set(KERNLAB_MODULE_KIT ${KERNLAB_OUTPUT_DIR}/module-kit)
set(KERNLAB_MODULE_KIT_STAMP ${CMAKE_BINARY_DIR}/module-kit.stamp)
find_program(KERNLAB_MAKE NAMES make gmake REQUIRED)

# What modules may see: include/ (linux/, uapi/, asm-generic/ ...), never kernel/include.
# Copied with their times (-p), so a header edit rebuilds just what includes it.
file(GLOB_RECURSE KIT_FILES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/include/* ${CMAKE_SOURCE_DIR}/toolchain/module-kit/*)
add_custom_command(OUTPUT ${KERNLAB_MODULE_KIT_STAMP}
  COMMAND rm -rf ${KERNLAB_MODULE_KIT}/include ${KERNLAB_MODULE_KIT}/scripts
  COMMAND mkdir -p ${KERNLAB_MODULE_KIT}
  COMMAND cp -pR ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/toolchain/module-kit/. ${KERNLAB_MODULE_KIT}/
  COMMAND ${CMAKE_COMMAND} -E touch ${KERNLAB_MODULE_KIT_STAMP}
  DEPENDS ${KIT_FILES}
  COMMENT "Installing the module build kit in ${KERNLAB_MODULE_KIT}")

# The kernel's exports, so modpost can name symbols no one provides.
add_custom_command(OUTPUT ${KERNLAB_MODULE_KIT}/Module.symvers
  COMMAND ${CMAKE_SOURCE_DIR}/toolchain/module-kit/scripts/gen-symvers.sh $<TARGET_FILE:kernel.elf>
          > ${CMAKE_BINARY_DIR}/kernel.symvers
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_BINARY_DIR}/kernel.symvers
          ${KERNLAB_MODULE_KIT}/Module.symvers
  DEPENDS kernel.elf ${CMAKE_SOURCE_DIR}/toolchain/module-kit/scripts/gen-symvers.sh
  COMMENT "Listing the kernel's exports in module-kit/Module.symvers")
add_custom_target(module_kit ALL DEPENDS ${KERNLAB_MODULE_KIT_STAMP})
add_custom_target(module_kit_symvers ALL DEPENDS ${KERNLAB_MODULE_KIT}/Module.symvers)
add_dependencies(module_kit_symvers module_kit)

# add_kernel_module(NAME SOURCES dir/a.c dir/b.c [EXTRA_SYMBOLS other_module ...])
# Builds NAME.ko through the kit, exactly as a student does: `make -C <kit>
# M=<the sources' folder> MO=<build folder> modules`, using the folder's own
# Kbuild/Makefile. EXTRA_SYMBOLS names modules whose exports it uses
# (KBUILD_EXTRA_SYMBOLS). The .ko lands in ${CMAKE_BINARY_DIR}/modules and in
# the initramfs at /lib/modules/NAME.ko.
function(add_kernel_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;EXTRA_SYMBOLS" ${ARGN})
  list(GET ARG_SOURCES 0 first)
  get_filename_component(first ${first} ABSOLUTE)
  get_filename_component(src_dir ${first} DIRECTORY)
  if(NOT EXISTS ${src_dir}/Kbuild AND NOT EXISTS ${src_dir}/Makefile)
    message(FATAL_ERROR "add_kernel_module(${name}): ${src_dir} has no Kbuild or Makefile")
  endif()
  set(out_dir ${CMAKE_BINARY_DIR}/modules-build/${name})
  set(ko ${CMAKE_BINARY_DIR}/modules/${name}.ko)
  set(sources)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(source ${source} ABSOLUTE)
    list(APPEND sources ${source})
  endforeach()
  file(GLOB folder_files CONFIGURE_DEPENDS ${src_dir}/*.h ${src_dir}/Kbuild ${src_dir}/Makefile)
  set(extra_symbols)
  set(extra_deps)
  foreach(other IN LISTS ARG_EXTRA_SYMBOLS)
    list(APPEND extra_symbols ${CMAKE_BINARY_DIR}/modules-build/${other}/Module.symvers)
    list(APPEND extra_deps ${CMAKE_BINARY_DIR}/modules/${other}.ko)
  endforeach()
  list(JOIN extra_symbols " " extra_symbols)
  add_custom_command(OUTPUT ${ko}
    COMMAND ${KERNLAB_MAKE} -s -C ${KERNLAB_MODULE_KIT} M=${src_dir} MO=${out_dir}
            "KBUILD_EXTRA_SYMBOLS=${extra_symbols}" modules
    COMMAND ${CMAKE_COMMAND} -E copy ${out_dir}/${name}.ko ${ko}
    DEPENDS ${sources} ${folder_files} ${extra_deps} ${KERNLAB_MODULE_KIT_STAMP} ${KERNLAB_MODULE_KIT}/Module.symvers
    COMMENT "Building module ${name}.ko"
    VERBATIM)
  add_custom_target(module_${name} ALL DEPENDS ${ko})
  add_dependencies(module_${name} module_kit module_kit_symvers)
  set_property(GLOBAL APPEND PROPERTY KERNLAB_ROOTFS_ENTRIES "${ko}:/lib/modules/${name}.ko")
  # The target orders the build; the file makes the initramfs repack when it changes.
  set_property(GLOBAL APPEND PROPERTY KERNLAB_ROOTFS_TARGETS module_${name} ${ko})
endfunction()
