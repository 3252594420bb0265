; Copying to and from user memory. A fault inside these instructions is not an
; oops: the page-fault handler finds the faulting address in the exception table
; (.ex_table: pairs of fault address, fixup address) and resumes at the fixup,
; which returns how much was left undone.

global __copy_user, __clear_user, __get_user_byte

section .text

; unsigned long __copy_user(void* to, const void* from, unsigned long n)
; Returns the number of bytes not copied.
__copy_user:
    push esi
    push edi
    mov edi, [esp + 12]
    mov esi, [esp + 16]
    mov ecx, [esp + 20]
    mov edx, ecx
    shr ecx, 2
    and edx, 3
.words:
    rep movsd
    mov ecx, edx
.bytes:
    rep movsb
    xor eax, eax
    pop edi
    pop esi
    ret
.words_fault:
    lea eax, [ecx * 4 + edx]
    pop edi
    pop esi
    ret
.bytes_fault:
    mov eax, ecx
    pop edi
    pop esi
    ret

; unsigned long __clear_user(void* to, unsigned long n): bytes not cleared.
__clear_user:
    push edi
    mov edi, [esp + 8]
    mov ecx, [esp + 12]
    xor eax, eax
.store:
    rep stosb
    pop edi
    ret
.store_fault:
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
    dd __copy_user.words, __copy_user.words_fault
    dd __copy_user.bytes, __copy_user.bytes_fault
    dd __clear_user.store, __clear_user.store_fault
    dd __get_user_byte.load, __get_user_byte.load_fault
