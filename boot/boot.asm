; The kernel's first instructions. GRUB (multiboot2) or QEMU -kernel (multiboot 1)
; jumps to _start in 32-bit protected mode with paging off. We build the boot
; page directory, turn on paging, move to the higher half and call start_kernel.

KERNEL_VIRTUAL_BASE equ 0xC0000000
DIRECT_MAP_PDES     equ 192              ; 192 x 4 MiB = 768 MiB of low memory at 0xC0000000
PDE_PRESENT_RW_4M   equ 0x83             ; present, writable, 4 MiB page (PSE)
CR4_PSE             equ 1 << 4
CR0_PG              equ 1 << 31
CR0_WP              equ 1 << 16

MB1_MAGIC           equ 0x1BADB002
MB1_FLAGS           equ 0x00000003       ; page-align modules, give memory info
MB2_MAGIC           equ 0xE85250D6

extern start_kernel
extern __bss_start, __bss_end
global _start, swapper_pg_dir, init_thread_stack, init_thread_stack_top

section .multiboot
align 4
mb1_header:                              ; for qemu -kernel: must be in the first 8 KiB
    dd MB1_MAGIC
    dd MB1_FLAGS
    dd -(MB1_MAGIC + MB1_FLAGS)

align 8
mb2_header:                              ; for GRUB's multiboot2: in the first 32 KiB
    dd MB2_MAGIC
    dd 0                                 ; i386 protected mode
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
align 8
    dw 1, 0                              ; information request:
    dd 8 + 4 * 4
    dd 1, 3, 4, 6                        ; command line, modules, basic meminfo, memory map
align 8
    dw 6, 0                              ; page-align modules
    dd 8
align 8
    dw 0, 0                              ; end
    dd 8
mb2_header_end:

section .boot.text
bits 32
_start:
    cli
    cld
    mov esi, eax                         ; bootloader magic
    mov ebx, ebx                         ; boot information (physical address)

    ; The loader zeroes .bss, but only the ELF loader promises it: do it here.
    mov edi, __bss_start - KERNEL_VIRTUAL_BASE
    mov ecx, __bss_end - KERNEL_VIRTUAL_BASE
    sub ecx, edi
    xor eax, eax
    rep stosb

    ; Boot page directory: identity-map the first 4 MiB (we run there until the
    ; jump below) and map low memory at 0xC0000000, both with 4 MiB pages.
    mov edi, swapper_pg_dir - KERNEL_VIRTUAL_BASE
    mov dword [edi], 0 | PDE_PRESENT_RW_4M
    mov eax, PDE_PRESENT_RW_4M
    lea edx, [edi + (KERNEL_VIRTUAL_BASE >> 22) * 4]
    mov ecx, DIRECT_MAP_PDES
.map_low_memory:
    mov [edx], eax
    add eax, 0x400000
    add edx, 4
    loop .map_low_memory

    mov eax, cr4
    or eax, CR4_PSE
    mov cr4, eax
    mov cr3, edi
    mov eax, cr0
    or eax, CR0_PG | CR0_WP
    mov cr0, eax

    lea eax, [higher_half]
    jmp eax

section .text
higher_half:
    mov esp, init_thread_stack_top
    xor ebp, ebp                         ; ends the backtrace
    push ebx                             ; start_kernel(magic, boot_info_phys)
    push esi
    call start_kernel
.hang:
    cli
    hlt
    jmp .hang

section .bss
alignb 4096
swapper_pg_dir:                          ; the kernel page directory, kept after boot
    resb 4096
init_thread_stack:                       ; the boot stack, later the idle task's
    resb 16384
init_thread_stack_top:
