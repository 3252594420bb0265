// Thread-local storage through GDT slots 6-8 (set_thread_area), as Linux i386
// does for glibc and musl; and what else changes with the task at a switch.
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/x86.h>
#include <asm/ldt.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/errno.h>

namespace {

bool is_empty_descriptor(const user_desc& info)
{
    return info.base_addr == 0 && info.limit == 0 && info.contents == 0 && info.read_exec_only == 1
        && info.seg_32bit == 0 && info.limit_in_pages == 0 && info.seg_not_present == 1 && info.useable == 0;
}

// A user data/code segment descriptor (DPL 3) from Linux's user_desc fields.
void encode(const user_desc& info, uint32_t descriptor[2])
{
    if (is_empty_descriptor(info) || (info.base_addr == 0 && info.limit == 0 && info.contents == 0
            && info.seg_32bit == 0 && info.limit_in_pages == 0 && info.seg_not_present == 0 && info.useable == 0
            && info.read_exec_only == 0)) {
        descriptor[0] = descriptor[1] = 0;
        return;
    }
    descriptor[0] = ((info.base_addr & 0xFFFF) << 16) | (info.limit & 0xFFFF);
    descriptor[1] = (info.base_addr & 0xFF000000) | ((info.base_addr & 0x00FF0000) >> 16) | (info.limit & 0xF0000)
        | ((info.read_exec_only ^ 1) << 9) | (info.contents << 10) | ((info.seg_not_present ^ 1) << 15)
        | (info.seg_32bit << 22) | (info.limit_in_pages << 23) | (info.useable << 20) | 0x7000;
}

void decode(const uint32_t descriptor[2], user_desc& info)
{
    info.base_addr = (descriptor[0] >> 16) | ((descriptor[1] & 0xFF) << 16) | (descriptor[1] & 0xFF000000);
    info.limit = (descriptor[0] & 0xFFFF) | (descriptor[1] & 0xF0000);
    info.seg_32bit = (descriptor[1] >> 22) & 1;
    info.contents = (descriptor[1] >> 10) & 3;
    info.read_exec_only = !((descriptor[1] >> 9) & 1);
    info.limit_in_pages = (descriptor[1] >> 23) & 1;
    info.seg_not_present = !((descriptor[1] >> 15) & 1);
    info.useable = (descriptor[1] >> 20) & 1;
}

} // namespace

extern "C" void load_user_segments(uint32_t fs, uint32_t gs);   // boot/switch.asm

// The user's %fs and %gs stay loaded while the kernel runs (it uses neither), so
// they are the task's: saved here, and the next task's reloaded after its TLS
// descriptors, as Linux i386 does with lazy %gs. Otherwise a task would run in
// the kernel with the previous task's selector, naming a descriptor it may lack.
void switch_to_extra(Task* prev, Task* next)
{
    prev->saved_fs = arch::read_fs();
    prev->saved_gs = arch::read_gs();
    gdt_load_tls(next->tls);
    load_user_segments(next->saved_fs, next->saved_gs);
    fpu_switch(prev->fpu_state, next->fpu_state);
}

// The null selectors go in before the descriptors go: with the order reversed,
// an interrupt in between would save and then reload a %gs naming an empty
// slot, and fault on the way out of the kernel.
void clear_user_segments()
{
    uint32_t flags = arch::local_irq_save();
    load_user_segments(0, 0);
    libk::memset(current->tls, 0, sizeof(current->tls));
    gdt_load_tls(current->tls);
    arch::local_irq_restore(flags);
}

// clone(CLONE_SETTLS): the new thread's descriptor, loaded when it first runs.
// As on Linux the entry number must be given (glibc passes its %gs slot).
int set_tls_descriptor(Task* task, const user_desc __user* user_info)
{
    user_desc info;
    if (copy_from_user(&info, user_info, sizeof(info)))
        return -EFAULT;
    unsigned index = info.entry_number;
    if (index < gdt_entry_tls_min || index >= gdt_entry_tls_min + gdt_entry_tls_entries)
        return -EINVAL;
    encode(info, task->tls[index - gdt_entry_tls_min]);
    return 0;
}

extern "C" long sys_set_thread_area(user_desc __user* user_info)
{
    user_desc info;
    if (copy_from_user(&info, user_info, sizeof(info)))
        return -EFAULT;
    unsigned index = info.entry_number;
    if (index == static_cast<unsigned>(-1)) {
        for (index = 0; index < gdt_entry_tls_entries; ++index)
            if (current->tls[index][0] == 0 && current->tls[index][1] == 0)
                break;
        if (index == gdt_entry_tls_entries)
            return -ESRCH;
        index += gdt_entry_tls_min;
        info.entry_number = index;
        if (copy_to_user(&user_info->entry_number, &index, sizeof(index)))
            return -EFAULT;
    }
    if (index < gdt_entry_tls_min || index >= gdt_entry_tls_min + gdt_entry_tls_entries)
        return -EINVAL;
    uint32_t flags = arch::local_irq_save();
    encode(info, current->tls[index - gdt_entry_tls_min]);
    // A slot being emptied while %fs or %gs names it: those become null first,
    // as in clear_user_segments.
    uint32_t* slot = current->tls[index - gdt_entry_tls_min];
    if (slot[0] == 0 && slot[1] == 0) {
        uint16_t fs = arch::read_fs(), gs = arch::read_gs();
        load_user_segments((fs >> 3) == index ? 0 : fs, (gs >> 3) == index ? 0 : gs);
    }
    gdt_load_tls(current->tls);
    // A loaded selector keeps the descriptor it was loaded with, and the way
    // out of the kernel reloads only selectors that changed: reload both now
    // (Linux's do_set_thread_area does the same).
    load_user_segments(arch::read_fs(), arch::read_gs());
    arch::local_irq_restore(flags);
    return 0;
}

extern "C" long sys_get_thread_area(user_desc __user* user_info)
{
    unsigned index;
    if (copy_from_user(&index, &user_info->entry_number, sizeof(index)))
        return -EFAULT;
    if (index < gdt_entry_tls_min || index >= gdt_entry_tls_min + gdt_entry_tls_entries)
        return -EINVAL;
    user_desc info {};
    info.entry_number = index;
    decode(current->tls[index - gdt_entry_tls_min], info);
    return copy_to_user(user_info, &info, sizeof(info)) ? -EFAULT : 0;
}

extern "C" long sys_set_tid_address(int __user* tidptr)
{
    current->clear_child_tid = reinterpret_cast<uintptr_t>(tidptr);
    return current->pid;
}
