; Copying to and from user memory. A fault inside these instructions is not an
; oops: the page-fault handler finds the faulting address in the exception table
; (.ex_table: pairs of fault address, fixup address) and resumes at the fixup,
; which returns how much was left undone.

global __copy_user, __clear_user, __get_user_byte

section .text

; Sixteen bytes of the unrolled copy: four loads, then four stores (under
; QEMU's TCG this moves 2.5 GB/s where rep movsd moves 2). Every instruction
; that may fault has a label the exception table names.
%macro copy16 1
.load%1_0:  mov eax, [esi + %1]
.load%1_1:  mov ebx, [esi + %1 + 4]
.load%1_2:  mov edx, [esi + %1 + 8]
.load%1_3:  mov ebp, [esi + %1 + 12]
.store%1_0: mov [edi + %1], eax
.store%1_1: mov [edi + %1 + 4], ebx
.store%1_2: mov [edi + %1 + 8], edx
.store%1_3: mov [edi + %1 + 12], ebp
%endmacro

%macro copy16_faults 1
    dd __copy_user.load%1_0, __copy_user.chunk_fault
    dd __copy_user.load%1_1, __copy_user.chunk_fault
    dd __copy_user.load%1_2, __copy_user.chunk_fault
    dd __copy_user.load%1_3, __copy_user.chunk_fault
    dd __copy_user.store%1_0, __copy_user.chunk_fault
    dd __copy_user.store%1_1, __copy_user.chunk_fault
    dd __copy_user.store%1_2, __copy_user.chunk_fault
    dd __copy_user.store%1_3, __copy_user.chunk_fault
%endmacro

; unsigned long __copy_user(void* to, const void* from, unsigned long n)
; Returns the number of bytes not copied.
__copy_user:
    push esi
    push edi
    push ebx
    push ebp
    mov edi, [esp + 20]
    mov esi, [esp + 24]
    mov ecx, [esp + 28]
    cmp ecx, 32
    jb .rest
.chunk:                                  ; 32 bytes a turn
    copy16 0
    copy16 16
    add esi, 32
    add edi, 32
    sub ecx, 32
    cmp ecx, 32
    jae .chunk
.rest:
    mov edx, ecx
    shr ecx, 2
    and edx, 3
.words:
    rep movsd
    mov ecx, edx
.bytes:
    rep movsb
    xor eax, eax
.out:
    pop ebp
    pop ebx
    pop edi
    pop esi
    ret
.words_fault:
    lea eax, [ecx * 4 + edx]
    jmp .out
.bytes_fault:
    mov eax, ecx
    jmp .out
.chunk_fault:
    ; A fault inside a turn: esi and edi still point at its start, ecx counts
    ; from there. The rest byte by byte stops exactly at the faulting byte.
.tail:
    rep movsb
    xor eax, eax
    jmp .out
.tail_fault:
    mov eax, ecx
    jmp .out

; unsigned long __clear_user(void* to, unsigned long n): bytes not cleared.
__clear_user:
    push edi
    mov edi, [esp + 8]
    mov ecx, [esp + 12]
    mov edx, ecx
    shr ecx, 2
    and edx, 3
    xor eax, eax
.words:
    rep stosd
    mov ecx, edx
.bytes:
    rep stosb
    xor eax, eax
    pop edi
    ret
.words_fault:
    lea eax, [ecx * 4 + edx]
    pop edi
    ret
.bytes_fault:
    mov eax, ecx
    pop edi
    ret

; int __get_user_byte(const unsigned char* from, unsigned char* out): 0 or -EFAULT.
__get_user_byte:
    mov edx, [esp + 4]
.load:
    movzx eax, byte [edx]
    mov edx, [esp + 8]
    mov [edx], al
    xor eax, eax
    ret
.load_fault:
    mov eax, -14
    ret

section .ex_table align=4
    copy16_faults 0
    copy16_faults 16
    dd __copy_user.words, __copy_user.words_fault
    dd __copy_user.bytes, __copy_user.bytes_fault
    dd __copy_user.tail, __copy_user.tail_fault
    dd __clear_user.words, __clear_user.words_fault
    dd __clear_user.bytes, __clear_user.bytes_fault
    dd __get_user_byte.load, __get_user_byte.load_fault
