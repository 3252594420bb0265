/* Things the libc's own files share but programs must not see. */
#ifndef _LIBC_INTERNAL_LIBC_H
#define _LIBC_INTERNAL_LIBC_H

#include <stddef.h>

extern size_t __page_size;
extern char** __environ_initial;

/* Run atexit handlers and flush stdio, as exit() does, without exiting. */
void __run_atexit(void);
void __stdio_flush_all(void);

/* The program's break, as brk(2) reports it (never fails). */
unsigned long __brk_current(void);

#endif
