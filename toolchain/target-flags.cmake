# Compiler flags for everything that runs on the i686 target in kernel mode.
add_library(kernel_flags INTERFACE)
target_compile_options(kernel_flags INTERFACE
  $<$<COMPILE_LANGUAGE:C,CXX>:
    -ffreestanding -fno-pic -fno-pie -fno-stack-protector -fcf-protection=none
    -mgeneral-regs-only -mno-sse -mno-mmx
    -fno-omit-frame-pointer -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables
    -fno-tree-loop-distribute-patterns -fno-strict-aliasing
    -Wall -Wextra -Wno-unused-parameter>
  $<$<COMPILE_LANGUAGE:CXX>:
    -fno-exceptions -fno-rtti -fcheck-new -fno-use-cxa-atexit -Wno-missing-field-initializers>
  $<$<COMPILE_LANGUAGE:ASM_NASM>:-g -F dwarf>)
target_include_directories(kernel_flags INTERFACE
  ${CMAKE_SOURCE_DIR}/include
  ${CMAKE_SOURCE_DIR}/include/uapi
  ${CMAKE_SOURCE_DIR}/kernel/include
  ${CMAKE_SOURCE_DIR})
