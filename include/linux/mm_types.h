/* User address spaces: struct mm_struct and struct vm_area_struct, with the
 * fields Linux modules use (an mmap handler sees vm_start, vm_end, vm_pgoff,
 * vm_flags, vm_page_prot, vm_private_data). C-compatible. */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

/* vm_flags, Linux's values. */
#define VM_NONE 0x00000000
#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_MAYEXEC 0x00000040
#define VM_MAYSHARE 0x00000080
#define VM_GROWSDOWN 0x00000100
/* kernlab: a shared mapping of a regular file, written back on msync/munmap
 * (there is no page cache); uses the bit of VM_GROWSUP, which x86 never sets. */
#define VM_SHARED_FILE_COPY 0x00000200
#define VM_PFNMAP 0x00000400    /* pages are not ours to free or copy (remap_pfn_range) */
#define VM_LOCKED 0x00002000
#define VM_IO 0x00004000
#define VM_DONTCOPY 0x00020000
#define VM_DONTEXPAND 0x00040000
#define VM_RESERVED 0x00080000  /* 2.6-era name, still used by course modules */
#define VM_DONTDUMP 0x04000000

typedef struct { unsigned long pgprot; } pgprot_t;
#define __pgprot(x) ((pgprot_t){ (x) })
#define pgprot_val(x) ((x).pgprot)

struct file;
struct mm_struct;
struct vm_area_struct;

struct vm_operations_struct {
    void (*open)(struct vm_area_struct *area);
    void (*close)(struct vm_area_struct *area);
};

struct vm_area_struct {
    unsigned long vm_start;       /* first address */
    unsigned long vm_end;         /* first address after */
    struct vm_area_struct *vm_next; /* the next area up, sorted by address */
    struct mm_struct *vm_mm;
    pgprot_t vm_page_prot;        /* page-table bits for this area */
    unsigned long vm_flags;
    unsigned long vm_pgoff;       /* offset in the file, in pages */
    struct file *vm_file;         /* the mapped file, or NULL for anonymous memory */
    void *vm_private_data;
    const struct vm_operations_struct *vm_ops;
};

struct mm_struct {
    struct vm_area_struct *mmap;  /* the areas, sorted by address */
    int map_count;
    u32 *pgd;                     /* page directory (kernel virtual address) */
    int mm_users;
    unsigned long start_code, end_code, start_data, end_data;
    unsigned long start_brk, brk, start_stack;
    unsigned long arg_start, arg_end, env_start, env_end;
    unsigned long rss;            /* pages mapped in (Linux: get_mm_rss); the virtual size is the areas' sum */
    /* The executable, referenced (Linux's exe_file): /proc/PID/exe opens it
     * and names it. NULL for kernel threads. */
    struct file *exe_file;
    /* prctl(PR_SET_DUMPABLE, 0): others may not look at /proc/PID/fd, exe,
     * environ, maps (Linux's MMF_DUMPABLE, inverted so a new mm is dumpable). */
    unsigned char not_dumpable;
};

#endif
