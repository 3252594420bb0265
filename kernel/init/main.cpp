// The boot path, top to bottom: start_kernel() brings up the machine,
// rest_init() starts the first threads and becomes the idle task,
// kernel_init() (pid 1) finishes booting and starts user space.
#include <arch/gdt.h>
#include <arch/idt.h>
#include <arch/x86.h>
#include <kernel/completion.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/time.h>
#include <kernel/vfs.h>
#include <kernel/watchdog.h>
#include <kernel/workqueue.h>
#include <arch/fpu.h>
#include <kernel/version.h>
#include <libk/format.h>
#include <linux/errno.h>
#include <drivers/tty/serial.h>
#include <drivers/video/vga_console.h>

void do_global_ctors();
void dump_log_buffer();
void populate_rootfs();

const char linux_banner[] = KERNLAB_SYSNAME " version " KERNLAB_RELEASE " (i686-linux-gnu-g++ " __VERSION__ ") " KERNLAB_VERSION "\n";

namespace {

constinit Completion kthreadd_done;

// Starts `path` as the first user program: on success we leave the kernel
// through the new program's registers and never come back.
int run_init_process(const char* path)
{
    boot_params.argv_init[0] = path;
    pr_info("Run %s as init process\n", path);
    int error = kernel_execve(path, boot_params.argv_init, boot_params.envp_init);
    if (error == 0)
        enter_user_mode(task_pt_regs(current));
    return error;
}

// pid 1 becomes a process: root credentials, signal handlers, its own
// session, the root file system and the console as stdin/stdout/stderr.
void prepare_init_process()
{
    current->user_process = true;
    current->pgid = current->sid = 1;
    current->sighand = sighand_alloc();   // refcounted: CLONE_SIGHAND shares it
    if (!current->sighand)
        panic("kernel_init: out of memory");
    if (console_on_rootfs() < 0)
        pr_err("Warning: unable to open an initial console.\n");
}

// Tries init=, then the places Linux looks; with none, panics as Linux does.
[[noreturn]] void start_user_space()
{
    if (boot_params.init_command) {
        int error = run_init_process(boot_params.init_command);
        pr_err("Requested init %s failed (error %d).\n", boot_params.init_command, error);
    }
    static const char* const default_inits[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
    for (const char* path : default_inits)
        run_init_process(path);
    panic("No working init found.  Try passing init= option to kernel. "
          "See Linux Documentation/admin-guide/init.rst for guidance.");
}

int kernel_init(void*)
{
    printk(KERN_INFO "#### kernel_init() ####\n");
    kthreadd_done.wait();   // kthreadd must exist before anyone asks it for threads
    workqueue_init();       // the "events" worker, for schedule_work() from drivers and modules

    vfs_init();             // ramfs as the root file system
    populate_rootfs();      // unpack the initramfs the boot loader gave us into it
    devtmpfs_mount_dev();   // /dev with the nodes drivers registered
    proc_mount();           // /proc

    if (boot_params.ktest) {
        int failed = ktest_run(boot_params.ktest);
        if (boot_params.dmesg_dump)
            dump_log_buffer();
        if (boot_params.test_exit)
            qemu_test_exit(failed ? qemu_exit_test_failed : qemu_exit_success);
    } else if (boot_params.dmesg_dump) {
        dump_log_buffer();
    }

    prepare_init_process();
    start_user_space();
    printk(KERN_INFO "#### after kernel_init() ####\n");   // never printed: init does not return
    return 0;
}

void rest_init()
{
    printk(KERN_INFO "#### rest_init() ####\n");
    kernel_thread(kernel_init, nullptr, "init", 1);      // pid 1
    kernel_thread(kthreadd, nullptr, "kthreadd", 2);     // pid 2
    schedule();   // let kernel_init run first: it prints its marker and waits for us

    printk(KERN_INFO "#### before cpu_idle() ####\n");
    kthreadd_done.complete();
    cpu_idle();   // the boot CPU is the idle task from here on
    printk(KERN_INFO "#### after cpu_idle() ####\n");    // never printed
}

} // namespace

extern "C" void start_kernel(uint32_t magic, uint32_t boot_info_phys)
{
    time_mark_boot();                           // timestamps count from kernel entry
    printk(KERN_INFO "#### start_kernel() ####\n");
    setup_boot_params(magic, boot_info_phys);   // boot loader info, command line
    parse_kernel_params();                      // loglevel=, quiet, init=, ...: before the consoles replay the log
    serial_console_init();                      // COM1, 115200 8N1
    vga_console_init();                         // the 80x25 text screen
    printk(KERN_NOTICE "%s", linux_banner);
    printk(KERN_NOTICE "Kernel command line: %s\n", boot_params.cmdline.text());

    gdt_init();                                 // segments and the TSS
    fpu_init();                                 // x87/SSE on, for user programs
    idt_init();                                 // exception, IRQ and syscall gates
    pic_init();                                 // 8259s remapped to vectors 32-47, all masked
    mm_init(boot_params.boot_info);             // page allocator, kernel page tables, kmalloc
    do_global_ctors();                          // C++ constructors of globals (.init_array)
    sched_init();                               // this context becomes pid 0
    time_init();                                // PIT at HZ, TSC calibration
    lockup_detector_init();                     // the soft-lockup watchdog (watchdog_thresh=)
    libk::set_symbol_resolver(lookup_symbol);   // %pS in printk
    arch::local_irq_enable();
    do_initcalls();                             // built-in drivers register themselves

    rest_init();
    __builtin_unreachable();
}
