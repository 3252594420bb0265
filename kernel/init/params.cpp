// The command line: read from the boot loader, then applied. Parameters the
// kernel does not know go to init, as Linux does: `word` as an argument,
// `name=value` as an environment variable; everything after `--` too.
#include <arch/x86.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <libk/string.h>
#include <linux/printk.h>

constinit BootParams boot_params = {};

namespace {

constinit size_t strings_used = 0;

const char* save_string(libk::StringView text)
{
    size_t needed = text.length() + 1;
    if (strings_used + needed > sizeof(boot_params.strings))
        return "";
    char* copy = boot_params.strings + strings_used;
    text.copy_to(copy, needed);
    strings_used += needed;
    return copy;
}

const void* map_boot_phys(uint32_t phys, uint32_t length)
{
    if (!phys_range_is_mapped(phys, length))
        return nullptr;
    return arch::phys_to_virt(phys);
}

// The parameters the kernel itself takes. Names with a dot are for modules
// (name.param=value) and wait for them; they are not passed to init either.
bool is_kernel_param(libk::StringView key)
{
    static const char* const kernel_params[] = { "init", "rdinit", "loglevel", "quiet", "debug",
        "ignore_loglevel", "initcall_debug", "console", "panic", "test_exit", "ktest", "dmesg_dump", "BOOT_IMAGE",
        "watchdog_thresh", "softlockup_panic", "slub_debug", "failslab", "fail_page_alloc" };
    for (const char* known : kernel_params) {
        if (key == libk::StringView(known))
            return true;
    }
    return key.find('.') != libk::StringView::npos;
}

void add_to(const char** list, size_t capacity, const char* value)
{
    for (size_t i = 0; i + 1 < capacity; ++i) {
        if (!list[i]) {
            list[i] = value;
            return;
        }
    }
    pr_warn("Too many boot parameters for init, dropping %s\n", value);
}

// Linux's unknown_bootoption: name=value replaces an earlier value of the same name.
void set_env(const char* assignment, size_t name_length)
{
    for (size_t i = 0; i + 1 < 32 && boot_params.envp_init[i]; ++i) {
        if (libk::strncmp(boot_params.envp_init[i], assignment, name_length + 1) == 0) {
            boot_params.envp_init[i] = assignment;
            return;
        }
    }
    add_to(boot_params.envp_init, 32, assignment);
}

} // namespace

void setup_boot_params(uint32_t magic, uint32_t boot_info_phys)
{
    libk::BootInfo& info = boot_params.boot_info;
    bool parsed = false;
    bool from_qemu_kernel = false;
    if (magic == libk::multiboot2_bootloader_magic) {
        const void* start = arch::phys_to_virt(boot_info_phys);
        parsed = libk::parse_multiboot2(start, *static_cast<const uint32_t*>(start), info);
    } else if (magic == libk::multiboot1_bootloader_magic) {
        parsed = libk::parse_multiboot1(arch::phys_to_virt(boot_info_phys), map_boot_phys, info);
        from_qemu_kernel = info.bootloader_name.starts_with("qemu");
    } else {
        info.error = "not loaded by a multiboot boot loader";
    }
    if (!parsed)
        panic("bad boot information (magic %08x): %s", magic, info.error ? info.error : "?");

    // QEMU's -kernel puts the kernel's file name first; GRUB passes only the arguments.
    libk::StringView line = info.cmdline;
    if (from_qemu_kernel) {
        size_t space = line.find(' ');
        line = space == libk::StringView::npos ? libk::StringView() : line.substring(space + 1);
    }
    boot_params.cmdline.parse(line.data(), line.length());

    // The boot information will be overwritten once its memory is reused: keep copies.
    for (size_t i = 0; i < info.module_count; ++i)
        info.modules[i].string = info.modules[i].string.copy_to(boot_params.module_strings[i], sizeof(boot_params.module_strings[i]));
    info.cmdline = boot_params.cmdline.text();
    info.bootloader_name = save_string(info.bootloader_name);
}

bool console_selected(const char* name)
{
    // console=ttyS0,115200 console=tty0: every console= names one; none means all.
    const libk::Cmdline& cmdline = boot_params.cmdline;
    bool any = false;
    libk::StringView wanted(name);
    for (size_t i = 0; i < cmdline.init_args_begin(); ++i) {
        if (!(cmdline[i].key == "console") || !cmdline[i].has_value)
            continue;
        any = true;
        libk::StringView value = cmdline[i].value;
        size_t comma = value.find(',');
        if (value.substring(0, comma) == wanted)
            return true;
    }
    return !any;
}

void parse_kernel_params()
{
    const libk::Cmdline& cmdline = boot_params.cmdline;
    // argv_init[0] is the init program's path (set when it runs); the
    // environment starts as Linux's does.
    boot_params.envp_init[0] = "HOME=/";
    boot_params.envp_init[1] = "TERM=linux";
    size_t init_args = cmdline.init_args_begin();
    char unknown[256] = "";
    for (size_t i = 0; i < cmdline.count(); ++i) {
        const libk::CmdlineParam& param = cmdline[i];
        if (i >= init_args) {
            add_to(boot_params.argv_init + 1, 31, save_string(param.has_value ? libk::StringView(param.key.data(), param.value.end() - param.key.data()) : param.key));
            continue;
        }
        libk::StringView key = param.key;
        if (key == "init" || key == "rdinit") {
            // Linux's init_setup: words before init= are dropped (a boot loader may
            // prepend "auto"), those after it are init's arguments: `init=/bin/sh
            // /etc/script` runs the script.
            for (size_t arg = 1; arg < 32; ++arg)
                boot_params.argv_init[arg] = nullptr;
            (key == "init" ? boot_params.init_command : boot_params.rdinit_command) = save_string(param.value);
        }
        else if (key == "quiet")
            console_loglevel = CONSOLE_LOGLEVEL_QUIET;
        else if (key == "debug")
            console_loglevel = 10;
        else if (key == "ignore_loglevel")
            console_loglevel = 15;
        else if (key == "initcall_debug")
            boot_params.initcall_debug = true;
        else if (key == "test_exit")
            boot_params.test_exit = true;
        else if (key == "dmesg_dump")
            boot_params.dmesg_dump = true;
        else if (key == "ktest")
            boot_params.ktest = save_string(param.value);
        else if (is_kernel_param(key))
            continue;   // read where it is used (loglevel, panic, console, module params)
        else {
            libk::StringView whole = param.has_value ? libk::StringView(key.data(), param.value.end() - key.data()) : key;
            if (param.has_value)
                set_env(save_string(whole), key.length());
            else
                add_to(boot_params.argv_init + 1, 31, save_string(whole));
            size_t used = libk::strlen(unknown);
            if (used + whole.length() + 2 < sizeof(unknown)) {
                if (used)
                    libk::strlcat(unknown, " ", sizeof(unknown));
                whole.copy_to(unknown + libk::strlen(unknown), sizeof(unknown) - libk::strlen(unknown));
            }
        }
    }
    long value;
    if (cmdline.get_long("loglevel", value) && value >= 0)
        console_loglevel = static_cast<int>(value);
    if (cmdline.get_long("panic", value))
        boot_params.panic_timeout = static_cast<int>(value);
    if (unknown[0])
        pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n", unknown);
}
