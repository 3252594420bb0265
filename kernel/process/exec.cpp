// execve: replaces the caller's program with a static ELF32 executable. The
// arguments are copied in first; after the point of no return the old address
// space is gone and the new one gets the segments, a heap and the initial stack
// laid out as Linux i386 does (argc, argv, envp, auxiliary vector).
#include <arch/fpu.h>
#include <arch/gdt.h>
#include "binfmt.h"
#include <arch/ptrace.h>
#include <asm/signal.h>
#include <kernel/futex.h>
#include <kernel/mm.h>
#include <kernel/proc.h>
#include <kernel/random.h>
#include <kernel/sched.h>
#include <kernel/syscall.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <libk/elf.h>
#include <libk/exec_stack.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/stat.h>

using libk::Error;
using libk::ErrorOr;

namespace {

constexpr size_t max_arg_bytes = 128 * 1024;   // all argument and environment strings
constexpr size_t max_arg_count = 4096;          // argv + envp entries together
constexpr size_t stack_image_size = max_arg_bytes + 16 * 1024;

// The program's arguments, copied out of the old address space.
struct ExecArgs {
    char* strings;        // max_arg_bytes, the strings back to back
    size_t used;
    const char** pointers;   // argv entries, then envp entries
    size_t argc;
    size_t envc;
    char path[PATH_MAX];
};

void free_args(ExecArgs* args)
{
    if (!args)
        return;
    vfree(args->strings);
    kfree(args->pointers);
    kfree(args);
}

// Copies a NULL-terminated array of string pointers (argv or envp) from user space.
ErrorOr<size_t> copy_strings(ExecArgs& args, const char __user* const __user* array)
{
    size_t count = 0;
    if (!array)
        return count;
    for (;;) {
        const char __user* string;
        if (get_user_value(string, array + count))
            return Error::from_errno(EFAULT);
        if (!string)
            return count;
        if (args.argc + args.envc + count >= max_arg_count)
            return Error::from_errno(E2BIG);
        long room = static_cast<long>(max_arg_bytes - args.used);
        long length = strncpy_from_user(args.strings + args.used, string, room);
        if (length < 0)
            return Error::from_errno(EFAULT);
        if (length == room)
            return Error::from_errno(E2BIG);
        args.pointers[args.argc + args.envc + count] = args.strings + args.used;
        args.used += static_cast<size_t>(length) + 1;
        ++count;
    }
}

ErrorOr<ExecArgs*> copy_args(const char __user* filename, const char __user* const __user* argv,
    const char __user* const __user* envp)
{
    auto* args = static_cast<ExecArgs*>(kzalloc(sizeof(ExecArgs), GFP_KERNEL));
    if (!args)
        return Error::from_errno(ENOMEM);
    args->strings = static_cast<char*>(vmalloc(max_arg_bytes));
    args->pointers = static_cast<const char**>(kmalloc(sizeof(char*) * max_arg_count, GFP_KERNEL));
    if (!args->strings || !args->pointers) {
        free_args(args);
        return Error::from_errno(ENOMEM);
    }
    long length = copy_path_from_user(args->path, sizeof(args->path), filename);
    ErrorOr<size_t> argc = length < 0 ? ErrorOr<size_t>(Error::from_errno(static_cast<int>(-length)))
                                      : copy_strings(*args, argv);
    if (!argc.is_error()) {
        args->argc = argc.value();
        ErrorOr<size_t> envc = copy_strings(*args, envp);
        if (!envc.is_error()) {
            args->envc = envc.value();
            return args;
        }
        argc = envc.error();
    }
    free_args(args);
    return argc.error();
}

unsigned long vm_flags_of(const libk::ElfSegment& segment)
{
    unsigned long flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
    if (segment.flags & libk::elf_pf_r)
        flags |= VM_READ;
    if (segment.flags & libk::elf_pf_w)
        flags |= VM_WRITE;
    if (segment.flags & libk::elf_pf_x)
        flags |= VM_EXEC;
    return flags;
}

// Maps the file's own pages for the segment's first pages that hold nothing
// but file bytes, as far as the file system has them and nothing is mapped
// there yet; returns how many of the segment's file bytes they hold. Sharing
// the pages is what makes a second exec of a 2 MB program cheap: no copy, and
// a CPU (or QEMU's translator) that saw the code before sees the same pages.
uint32_t share_file_pages(mm_struct* mm, file* f, const libk::ElfSegment& segment)
{
    inode* node = file_inode(f);
    if (!node->i_op || !node->i_op->get_file_page)
        return 0;
    unsigned long address = segment.vaddr & PAGE_MASK;
    unsigned long index = segment.offset >> PAGE_SHIFT;
    unsigned long file_end = segment.vaddr + segment.filesz;
    // The last page may hold .bss or the next segment's bytes: a copy, below.
    for (; address + PAGE_SIZE <= file_end; address += PAGE_SIZE, ++index) {
        void* page = node->i_op->get_file_page(node, index);
        if (!page)
            break;   // a hole: the copy reads zeros
        if (!map_file_page(mm, address, page)) {
            put_page_at(page);
            break;
        }
    }
    return address > segment.vaddr ? static_cast<uint32_t>(address - segment.vaddr) : 0;
}

// Maps one PT_LOAD segment and reads its file bytes in. A page shared with the
// previous segment (text ending mid-page, data starting there) moves to this
// segment's area, which gets the permissions of both. As Linux's ELF loader
// does, the pages holding file bytes are an area of the file (vm_file and
// vm_pgoff, so /proc/PID/maps names it) and the .bss pages after them an
// anonymous one. Where the file system has the file's pages (ramfs), whole
// pages of file bytes are those pages, mapped read-only and copied on a write;
// the other pages are copies.
ErrorOr<void> load_segment(mm_struct* mm, file* f, const libk::ElfSegment& segment, vm_area_struct*& previous)
{
    unsigned long start = segment.vaddr & PAGE_MASK;
    unsigned long end = PAGE_ALIGN(segment.vaddr + segment.memsz);
    unsigned long file_end = segment.filesz ? PAGE_ALIGN(segment.vaddr + segment.filesz) : start;
    if (end == start)
        return {};   // an empty PT_LOAD maps nothing
    unsigned long flags = vm_flags_of(segment);
    if (previous && previous->vm_end > start) {
        flags |= previous->vm_flags;
        previous->vm_end = start;   // the shared page stays mapped; this area owns it now
    }
    if (file_end > start) {
        vm_area_struct* vma = insert_area(mm, start, file_end, flags);
        if (!vma)
            return Error::from_errno(ENOMEM);
        vma->vm_file = get_file(f);   // a counted reference: free_vma, fork and split_vma keep it right
        vma->vm_pgoff = (segment.offset & PAGE_MASK) >> PAGE_SHIFT;
        previous = vma;
    }
    if (end > file_end) {
        vm_area_struct* bss = insert_area(mm, file_end, end, flags);
        if (!bss)
            return Error::from_errno(ENOMEM);
        previous = bss;
    }

    uint32_t copied = share_file_pages(mm, f, segment);
    while (copied < segment.filesz) {
        unsigned long address = segment.vaddr + copied;
        auto* page = static_cast<char*>(map_user_page(mm, address));
        if (!page)
            return Error::from_errno(ENOMEM);
        uint32_t in_page = address & ~PAGE_MASK;
        uint32_t chunk = PAGE_SIZE - in_page;
        if (chunk > segment.filesz - copied)
            chunk = segment.filesz - copied;
        loff_t position = segment.offset + copied;
        ssize_t n = kernel_read(f, page + in_page, chunk, &position);
        if (n != static_cast<ssize_t>(chunk))
            return Error::from_errno(n < 0 ? static_cast<int>(-n) : EIO);
        copied += chunk;
    }
    // .bss: the pages are new and zeroed, but a shared page may hold old bytes.
    for (unsigned long address = segment.vaddr + segment.filesz; address < segment.vaddr + segment.memsz;) {
        auto* page = static_cast<char*>(map_user_page(mm, address));
        if (!page)
            return Error::from_errno(ENOMEM);
        uint32_t in_page = address & ~PAGE_MASK;
        uint32_t chunk = PAGE_SIZE - in_page;
        if (chunk > segment.vaddr + segment.memsz - address)
            chunk = segment.vaddr + segment.memsz - address;
        libk::memset(page + in_page, 0, chunk);
        address += chunk;
    }
    return {};
}

// Linux's bprm_fill_uid and its commit: a set-user-ID file runs with its owner as
// the effective user, a set-group-ID one (with group execute; without, the bit
// means mandatory locking) with its group. (Mounts keep no MS_NOSUID yet, so
// there is no nosuid to honour.) The saved and file-system ids follow the
// effective ones after every exec.
Credentials exec_credentials(file* f, bool& secure)
{
    Credentials cred = current->cred;
    const inode* node = file_inode(f);
    if (node->i_mode & S_ISUID)
        cred.euid = node->i_uid;
    if ((node->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
        cred.egid = node->i_gid;
    cred.suid = cred.fsuid = cred.euid;
    cred.sgid = cred.fsgid = cred.egid;
    // AT_SECURE: the C library then ignores LD_PRELOAD and the like.
    secure = cred.euid != cred.uid || cred.egid != cred.gid;
    return cred;
}

ErrorOr<void> build_stack(mm_struct* mm, const ExecArgs& args, const libk::ElfExecutable& elf, bool secure)
{
    auto* image = static_cast<uint8_t*>(vmalloc(stack_image_size));
    if (!image)
        return Error::from_errno(ENOMEM);
    uint8_t random[16];
    get_random_bytes(random, sizeof(random));
    const Credentials& cred = current->cred;
    libk::ExecStackInput input {
        args.pointers, args.argc, args.pointers + args.argc, args.envc, args.path, random,
        cpu_hwcap(), PAGE_SIZE, 100 /* USER_HZ */, elf.phdr_vaddr, libk::elf_phdr_size, elf.phnum,
        0, 0, elf.entry, cred.uid, cred.euid, cred.gid, cred.egid, secure ? 1u : 0u,
    };
    libk::ExecStackLayout layout;
    int error = libk::build_exec_stack(input, image, stack_image_size, STACK_TOP, layout);
    if (!error && !insert_area(mm, stack_area_start(layout.bytes_used), STACK_TOP,
            VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_GROWSDOWN))
        error = ENOMEM;   // RLIMIT_AS, or no memory for the area
    if (!error) {
        // The image stands for [STACK_TOP - size, STACK_TOP); only its tail is used.
        const uint8_t* used = image + stack_image_size - layout.bytes_used;
        for (size_t done = 0; done < layout.bytes_used;) {
            unsigned long address = layout.sp + done;
            auto* page = static_cast<uint8_t*>(map_user_page(mm, address));
            if (!page) {
                error = ENOMEM;
                break;
            }
            size_t in_page = address & ~PAGE_MASK;
            size_t chunk = PAGE_SIZE - in_page;
            if (chunk > layout.bytes_used - done)
                chunk = layout.bytes_used - done;
            libk::memcpy(page + in_page, used + done, chunk);
            done += chunk;
        }
    }
    vfree(image);
    if (error)
        return Error::from_errno(error);
    mm->start_stack = layout.sp;
    mm->arg_start = layout.arg_start;
    mm->arg_end = layout.arg_end;
    mm->env_start = layout.env_start;
    mm->env_end = layout.env_end;
    task_pt_regs(current)->sp = layout.sp;
    return {};
}

// What execve resets: handlers (ignored signals stay ignored), TLS, FPU.
void flush_old_exec_state(const char* path)
{
    if (current->sighand) {
        for (int sig = 0; sig < nsig; ++sig) {
            SignalAction& action = current->sighand[sig];
            if (action.handler != reinterpret_cast<uintptr_t>(SIG_IGN))
                action = {};
        }
    }
    clear_user_segments();   // TLS descriptors, and %fs/%gs that may name them
    current->clear_child_tid = 0;
    if (current->files)
        files_close_on_exec(current->files);
    const char* base = libk::strrchr(path, '/');
    libk::strlcpy(current->comm, base ? base + 1 : path, sizeof(current->comm));
}

void start_thread(pt_regs* regs, uint32_t entry, uint32_t sp)
{
    libk::memset(regs, 0, sizeof(*regs));
    regs->ip = entry;
    regs->sp = sp;
    regs->cs = USER_CS;
    regs->ss = regs->ds = regs->es = USER_DS;
    regs->flags = arch::eflags_if | 0x2;
    regs->orig_ax = static_cast<uint32_t>(-1);
}

ErrorOr<void> exec_binary(ExecArgs& args, const char* file_path, int depth);

// A "#!" script: argv is rewritten and the interpreter runs in its place
// (binfmt_script.cpp); an interpreter may be a script itself, to Linux's depth.
ErrorOr<void> exec_script(ExecArgs& args, const char* header, size_t length, const char* file_path, int depth)
{
    if (depth >= max_interpreter_depth)
        return Error::from_errno(ELOOP);
    auto* interpreter = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!interpreter)
        return Error::from_errno(ENOMEM);
    ExecArgv view { args.strings, &args.used, max_arg_bytes, args.pointers, &args.argc, args.envc, max_arg_count };
    int error = load_script(header, length, file_path, view, interpreter, PATH_MAX);
    ErrorOr<void> result = error ? ErrorOr<void>(Error::from_errno(-error)) : exec_binary(args, interpreter, depth + 1);
    kfree(interpreter);
    return result;
}

// Loads the file at `file_path`: args.path for the program named to execve, an
// interpreter's path for a script.
ErrorOr<void> exec_binary(ExecArgs& args, const char* file_path, int depth)
{
    file* f = TRY(filp_open(file_path, O_RDONLY, 0));
    int error = vfs_permission_exec(f);
    auto* header = static_cast<char*>(kmalloc(PAGE_SIZE, GFP_KERNEL));
    libk::ElfExecutable elf {};
    const char* reason = nullptr;
    bool looks_like_elf = false;
    if (!error && !header)
        error = -ENOMEM;
    if (!error) {
        loff_t position = 0;
        ssize_t n = kernel_read(f, header, PAGE_SIZE, &position);
        looks_like_elf = n >= 4 && libk::memcmp(header, "\x7f" "ELF", 4) == 0;
        if (n < 0)
            error = static_cast<int>(n);
        else if (libk::parse_elf_executable(header, static_cast<size_t>(n), file_inode(f)->i_size, TASK_SIZE, elf, &reason))
            error = -ENOEXEC;
        if (error == -ENOEXEC && n >= 2 && header[0] == '#' && header[1] == '!') {
            fput(f);
            ErrorOr<void> result = exec_script(args, header, static_cast<size_t>(n), file_path, depth);
            kfree(header);
            return result;
        }
    }
    kfree(header);
    if (error) {
        // A broken ELF file is worth a line; a text file without #! is the shell's to run (ENOEXEC).
        if (reason && looks_like_elf)
            pr_info("execve %s: not executable: %s\n", args.path, reason);
        fput(f);
        return Error::from_errno(-error);
    }

    bool secure = false;
    Credentials cred = exec_credentials(f, secure);

    // The point of no return: the old program is gone from here on.
    // Other threads die first; the vfork parent and pthread_join waiters are released.
    if (int thread_error = de_thread()) {
        fput(f);
        return Error::from_errno(-thread_error);
    }
    mm_release(current);
    mm_struct* mm = mm_alloc();
    if (!mm) {
        fput(f);
        return Error::from_errno(ENOMEM);
    }
    mm_struct* old = current->mm;
    current->mm = mm;
    switch_mm(mm);
    mmput(old);
    current->user_process = true;
    set_mm_exe_file(mm, f);   // for /proc/<pid>/exe

    vm_area_struct* previous = nullptr;
    ErrorOr<void> loaded {};
    unsigned long highest = 0;
    for (size_t i = 0; i < elf.segment_count && !loaded.is_error(); ++i) {
        loaded = load_segment(mm, f, elf.segments[i], previous);
        unsigned long end = elf.segments[i].vaddr + elf.segments[i].memsz;
        if (end > highest)
            highest = end;
    }
    fput(f);
    current->cred = cred;
    if (!loaded.is_error()) {
        mm->start_code = elf.segments[0].vaddr;
        mm->end_code = highest;
        mm->start_brk = mm->brk = PAGE_ALIGN(highest);
        start_thread(task_pt_regs(current), elf.entry, 0);
        loaded = build_stack(mm, args, elf, secure);
    }
    if (loaded.is_error()) {
        pr_err("execve %s: out of memory after the point of no return\n", args.path);
        do_exit(SIGSEGV);
    }
    flush_old_exec_state(args.path);
    if (!current->fpu_state)
        current->fpu_state = fpu_state_alloc(nullptr);
    else
        libk::memcpy(current->fpu_state, fpu_state_alloc_template(), fpu_state_size);
    fpu_switch(nullptr, current->fpu_state);
    return {};
}

long do_execve(const char __user* filename, const char __user* const __user* argv,
    const char __user* const __user* envp)
{
    ErrorOr<ExecArgs*> args = copy_args(filename, argv, envp);
    if (args.is_error())
        return -args.error().code();
    ErrorOr<void> result = exec_binary(*args.value(), args.value()->path, 0);
    free_args(args.value());
    return result.is_error() ? -result.error().code() : 0;
}

} // namespace

extern "C" long sys_execve(const char __user* filename, const char __user* const __user* argv,
    const char __user* const __user* envp)
{
    return do_execve(filename, argv, envp);
}

int kernel_execve(const char* path, const char* const* argv, const char* const* envp)
{
    ScopedKernelDs kernel_pointers;   // the arguments are kernel strings
    return static_cast<int>(do_execve(path, argv, envp));
}
