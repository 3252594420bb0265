// Boot: the stages (start_kernel, rest_init, kernel_init) and what the
// command line told them.
#pragma once

#include <libk/cmdline.h>
#include <libk/multiboot.h>

extern "C" [[noreturn]] void start_kernel(uint32_t magic, uint32_t boot_info_phys);

// What the kernel keeps from the boot loader and the command line.
struct BootParams {
    libk::Cmdline cmdline;            // the whole line, as /proc/cmdline will show it
    libk::BootInfo boot_info;         // memory map and modules (strings copied below)
    char module_strings[16][64];
    const char* init_command;         // init=
    const char* rdinit_command;       // rdinit=
    bool initcall_debug;
    bool test_exit;                   // panic and test ends exit QEMU (isa-debug-exit)
    int panic_timeout;                // panic=N
    const char* ktest;                // ktest=name,name: in-kernel self-tests
    bool dmesg_dump;                  // print the whole log buffer when kernel_init is done
    // Linux passes parameters it does not know to init: bare words as
    // arguments, name=value pairs as environment.
    const char* argv_init[32];         // [0]: the init path
    const char* envp_init[32];
    char strings[4096];               // backing store for the pointers above
};
extern BootParams boot_params;

// Reads the boot loader's information and the command line into boot_params.
void setup_boot_params(uint32_t magic, uint32_t boot_info_phys);
// Applies the parameters that steer the kernel and logs the rest.
void parse_kernel_params();

// isa-debug-exit: QEMU exits with status (code << 1) | 1.
constexpr int qemu_exit_success = 0;     // status 1
constexpr int qemu_exit_panic = 1;       // status 3
constexpr int qemu_exit_test_failed = 2; // status 5
void qemu_test_exit(int code);

[[noreturn]] void machine_restart();
[[noreturn]] void machine_halt();
