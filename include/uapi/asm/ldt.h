/* struct user_desc: the segment descriptor that set_thread_area (243) and modify_ldt (123) take. */
#ifndef _UAPI_ASM_X86_LDT_H
#define _UAPI_ASM_X86_LDT_H

#include <linux/stddef.h>

#define LDT_ENTRIES 8192
#define LDT_ENTRY_SIZE 8

#ifndef __ASSEMBLY__
/* entry_number -1 in set_thread_area asks the kernel to pick a free TLS slot and write it back. */
struct user_desc {
    unsigned int entry_number;
    unsigned int base_addr;
    unsigned int limit;
    unsigned int seg_32bit : 1;
    unsigned int contents : 2;
    unsigned int read_exec_only : 1;
    unsigned int limit_in_pages : 1;
    unsigned int seg_not_present : 1;
    unsigned int useable : 1;
};

__UAPI_ASSERT(sizeof(struct user_desc) == 16, "struct user_desc is 16 bytes");

#define MODIFY_LDT_CONTENTS_DATA 0
#define MODIFY_LDT_CONTENTS_STACK 1
#define MODIFY_LDT_CONTENTS_CODE 2
#endif

#endif
