; Context switch between kernel threads, and the first code a new thread runs.

global switch_context, kernel_thread_start, ret_from_fork, enter_user_mode, load_user_segments
extern schedule_tail, do_exit, ret_from_interrupt

section .text

; void switch_context(uint32_t* prev_saved_esp, uint32_t next_saved_esp)
; Saves the callee-saved registers on the old stack, switches stacks, and
; returns on the new one into whatever that task was doing.
switch_context:
    mov eax, [esp + 4]                   ; where to save the old esp
    mov edx, [esp + 8]                   ; the new esp
    push ebp
    push ebx
    push esi
    push edi
    mov [eax], esp
    mov esp, edx
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret

; A new kernel thread's stack is built so that switch_context "returns" here,
; with the thread function in ebx and its argument in esi.
kernel_thread_start:
    call schedule_tail                   ; finish the switch (lock, interrupts)
    push esi
    call ebx                             ; fn(arg)
    push eax
    call do_exit                         ; never returns

; A forked task's first code: switch_context returned here with esp at the
; pt_regs copied from the parent; return to user mode through them.
ret_from_fork:
    call schedule_tail
    jmp ret_from_interrupt

; void enter_user_mode(struct pt_regs* regs): execve from a kernel thread
; (kernel_init starting /sbin/init) leaves the kernel through `regs`.
enter_user_mode:
    mov esp, [esp + 4]
    jmp ret_from_interrupt

; void load_user_segments(uint32_t fs, uint32_t gs): loads the next task's user
; %fs and %gs at a switch. A selector whose descriptor is gone faults (#GP);
; the fixup loads the null selector instead, as Linux's loadsegment() does.
load_user_segments:
    mov eax, [esp + 4]
.load_fs:
    mov fs, ax
.fs_done:
    mov eax, [esp + 8]
.load_gs:
    mov gs, ax
.gs_done:
    ret
.fs_fault:
    xor eax, eax
    mov fs, ax
    jmp .fs_done
.gs_fault:
    xor eax, eax
    mov gs, ax
    jmp .gs_done

section .ex_table align=4
    dd load_user_segments.load_fs, load_user_segments.fs_fault
    dd load_user_segments.load_gs, load_user_segments.gs_fault
