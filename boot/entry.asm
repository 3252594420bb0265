; Interrupt, exception and system call entry. Every vector saves the same
; register frame (struct pt_regs in kernel/include/arch/ptrace.h) and calls
; do_interrupt(regs); the way back restores it and irets.

KERNEL_DS equ 0x68                       ; see kernel/include/arch/gdt.h

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
    mov ax, KERNEL_DS
    mov ds, ax
    mov es, ax
    cld
    push esp                             ; do_interrupt(struct pt_regs *)
    call do_interrupt
    add esp, 4
ret_from_interrupt:                      ; esp points at a struct pt_regs
    pop ebx
    pop ecx
    pop edx
    pop esi
    pop edi
    pop ebp
    pop eax
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
