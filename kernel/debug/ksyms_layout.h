/* Layout of the kernel symbol table embedded in kernel.elf (oops backtraces,
 * %pS, kallsyms_lookup_name, /proc/kallsyms). */
#ifndef KERNLAB_KSYMS_LAYOUT_H
#define KERNLAB_KSYMS_LAYOUT_H

struct kernlab_ksym {
    unsigned int address;
    unsigned int size;
    unsigned int name_offset; /* into kernlab_ksym_names */
    char type;                /* nm's letter: T t (code), D d, R r, B b (data), W w V v u (weak, unique) */
};

#define KSYMS_SECTION __attribute__((section(".ksyms"), used))

#ifdef __cplusplus
extern "C" {
#endif
extern const unsigned int kernlab_ksyms_count;
extern const struct kernlab_ksym kernlab_ksyms[]; /* sorted by address */
extern const char kernlab_ksym_names[];
#ifdef __cplusplus
}
#endif

#endif
