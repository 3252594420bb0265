// User address spaces: page directories whose kernel half is shared, areas
// (vm_area_struct) sorted by address, demand-zero pages and copy-on-write fork.
#pragma once

#include <libk/error_or.h>
#include <linux/mm_types.h>

struct file;
struct Task;

constexpr unsigned long TASK_SIZE = 0xC0000000;
constexpr unsigned long STACK_TOP = TASK_SIZE;
constexpr unsigned long STACK_SIZE_MAX = 8 * 1024 * 1024;   // ulimit -s 8192
constexpr unsigned long MMAP_BASE = 0x40000000;             // Linux i386's legacy mmap base

mm_struct* mm_alloc();
// fork: a copy of `old` whose private pages are shared read-only until written.
mm_struct* dup_mm(mm_struct* old);
// Drops a reference; the last one frees every page, page table and area.
void mmput(mm_struct* mm);
// Loads the page directory of `mm` (kernel page tables for nullptr).
void switch_mm(mm_struct* mm);

// The first area that ends above `address` (it may start above it too).
vm_area_struct* find_vma(mm_struct* mm, unsigned long address);

// mmap: returns the start address. `pgoff` is in pages. Flags and prot are
// Linux's MAP_* and PROT_* values.
libk::ErrorOr<unsigned long> do_mmap(file* file, unsigned long address, unsigned long length,
    unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(mm_struct* mm, unsigned long start, unsigned long length);

// What a fault came to (Linux's VM_FAULT_* in short).
enum class VmFault {
    Done,      // the page is there now
    SigSegv,   // the access is not allowed: SIGSEGV, or a uaccess fixup
    Oom,       // no memory for the page or its page table: the OOM killer's turn, then a retry
};
// Makes a page available for `address` (demand zero, copy-on-write, growing a
// stack). Never sleeps.
VmFault handle_mm_fault(mm_struct* mm, unsigned long address, bool write);

// ---- accounting (Linux's mm->total_vm, data_vm, pgtables_bytes) and limits ----
unsigned long mm_total_vm(const mm_struct* mm);      // pages in areas
unsigned long mm_data_vm(const mm_struct* mm);       // pages in private writable areas but the stack
unsigned long mm_pgtables_pages(const mm_struct* mm);
// RLIMIT_AS and RLIMIT_DATA: whether `mm` may get `pages` more pages of an area
// with `vm_flags` (Linux's may_expand_vm).
bool may_expand_vm(mm_struct* mm, unsigned long vm_flags, unsigned long pages);
// Where a new program's stack area starts when its first `used` bytes are
// filled: room for them and 128 KiB more (Linux's setup_arg_pages), within
// RLIMIT_STACK. Faults below it grow it, up to RLIMIT_STACK.
unsigned long stack_area_start(unsigned long used);

// execve: a page of this address space's own mapped at `address` (inside an
// area): a fresh zeroed one, the one there, or a copy of a file page shared
// there; returns its kernel address to fill, or nullptr.
void* map_user_page(mm_struct* mm, unsigned long address);
// execve: maps a file's page (inode_operations::get_file_page, whose reference
// the mapping takes over) read-only at `address`, where nothing is mapped yet;
// false without memory for the page table or if a page is there.
bool map_file_page(mm_struct* mm, unsigned long address, void* page);

// O_DIRECT: the page of `mm` holding `address` (kernel address), faulted in
// and, for `write` (the device writes into it), made private and writable;
// referenced until put_page_at. nullptr where an access would fault, and in
// a driver's VM_PFNMAP area (Linux's get_user_pages, one page).
void* get_user_page(mm_struct* mm, unsigned long address, bool write);

// ---- internals shared by kernel/mm/user_mm.cpp and kernel/mm/mmap.cpp ----
// A new area [start, end) with `vm_flags`, linked into `mm`; nullptr without
// memory or beyond RLIMIT_AS / RLIMIT_DATA.
vm_area_struct* insert_area(mm_struct* mm, unsigned long start, unsigned long end, unsigned long vm_flags);
// The lowest free range of `length` bytes at or above MMAP_BASE, or 0.
unsigned long find_free_area(mm_struct* mm, unsigned long length);
// An area was copied (fork, split) or is going away: file references and vm_ops.
void vma_opened(vm_area_struct* vma);
void vma_closed(vm_area_struct* vma);
// Maps physical address `phys` at `address` with page-table bits `pte_bits`
// (not counted: the page is not the address space's to free).
bool install_pfn(mm_struct* mm, unsigned long address, unsigned long phys, uint32_t pte_bits);
// Re-applies an area's flags to its present pages (mprotect); copy-on-write pages stay read-only.
void protect_pages(mm_struct* mm, vm_area_struct* vma);

// Splits `vma` at `address` (page aligned, inside it); the new upper half is returned.
vm_area_struct* split_vma(mm_struct* mm, vm_area_struct* vma, unsigned long address);
// Writes a shared file mapping's pages in [start, end) back to the file.
void writeback_shared_file(mm_struct* mm, vm_area_struct* vma, unsigned long start, unsigned long end);

// Grows or shrinks the heap (brk); returns the new break.
unsigned long do_brk(mm_struct* mm, unsigned long new_brk);
