; Interrupt, exception and system call entry. Every vector saves the same
; register frame (struct pt_regs in kernel/include/arch/ptrace.h) and calls
; do_interrupt(regs); the way back restores it and irets.

KERNEL_DS equ 0x68                       ; see kernel/include/arch/gdt.h
USER_DS equ 0x7b
PT_DS equ 28                             ; offsets in struct pt_regs
PT_ES equ 32
PT_FS equ 36
PT_GS equ 40
PT_VECTOR equ 48

extern do_interrupt
global interrupt_entry_table, ret_from_interrupt

section .text.entry

; Exceptions that push an error code themselves; the others get a 0.
%macro vector_with_error 1
align 16
vector_%1:
    push dword %1
    jmp interrupt_common
%endmacro
%macro vector_no_error 1
align 16
vector_%1:
    push dword 0
    push dword %1
    jmp interrupt_common
%endmacro

%assign v 0
%rep 48
  %if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
    vector_with_error v
  %else
    vector_no_error v
  %endif
  %assign v v + 1
%endrep
vector_no_error 128                      ; int 0x80: system calls

interrupt_common:
    push eax                             ; orig_ax
    push gs
    push fs
    push es
    push ds
    push eax
    push ebp
    push edi
    push esi
    push edx
    push ecx
    push ebx
    ; The user's flat data segment serves the kernel as well as its own (both
    ; are base 0, 4 GiB; Linux i386 runs on __USER_DS too): a segment load is
    ; costly under QEMU's TCG, so only other selectors are replaced.
    mov ax, ds
    cmp ax, USER_DS
    jne .load_data
    mov ax, es
    cmp ax, USER_DS
    je .data_ok
.load_data:
    mov ax, KERNEL_DS
    mov ds, ax
    mov es, ax
.data_ok:
    cld
    push esp                             ; do_interrupt(struct pt_regs *)
    call do_interrupt
    add esp, 4
ret_from_interrupt:                      ; esp points at a struct pt_regs
    ; Segment registers that already hold the saved selectors are not loaded
    ; again (they are fresh: set_thread_area reloads %fs and %gs after it
    ; rewrites a descriptor, and a task switch loads the next task's). The
    ; frame's vector, no longer needed, says which way: 0 all held, 1 reload.
    mov dword [esp + PT_VECTOR], 1
    mov ax, ds
    cmp ax, [esp + PT_DS]
    jne .restore
    mov ax, es
    cmp ax, [esp + PT_ES]
    jne .restore
    mov ax, fs
    cmp ax, [esp + PT_FS]
    jne .restore
    mov ax, gs
    cmp ax, [esp + PT_GS]
    jne .restore
    mov dword [esp + PT_VECTOR], 0
.restore:
    pop ebx
    pop ecx
    pop edx
    pop esi
    pop edi
    pop ebp
    pop eax
    cmp dword [esp + PT_VECTOR - 28], 0
    jne .pop_ds
    add esp, 28                          ; ds, es, fs, gs, orig_ax, vector, error code
    iret
.pop_ds:
    pop ds
.pop_es:
    pop es
.pop_fs:
    pop fs
.pop_gs:
    pop gs
    add esp, 12                          ; orig_ax, vector, error code
    iret

; A saved selector can go stale while the task sleeps: exec or set_thread_area
; cleared the TLS descriptor it names, or made it not present. Popping it faults
; (#GP, #NP) in kernel mode;
; as on Linux, the fixup loads the null selector instead and goes on.
%macro null_segment_fixup 1
.fix_%1:
    mov dword [esp], 0
    jmp .pop_%1
%endmacro
    null_segment_fixup ds
    null_segment_fixup es
    null_segment_fixup fs
    null_segment_fixup gs

section .ex_table align=4
    dd ret_from_interrupt.pop_ds, ret_from_interrupt.fix_ds
    dd ret_from_interrupt.pop_es, ret_from_interrupt.fix_es
    dd ret_from_interrupt.pop_fs, ret_from_interrupt.fix_fs
    dd ret_from_interrupt.pop_gs, ret_from_interrupt.fix_gs

section .rodata
align 4
interrupt_entry_table:                   ; the IDT is built from these
%assign v 0
%rep 48
    dd vector_ %+ v
  %assign v v + 1
%endrep
    dd vector_128
