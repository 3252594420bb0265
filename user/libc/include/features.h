/* <features.h>: feature-test plumbing shared by the other headers. */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __KERNLAB_LIBC__ 1

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#define __restrict_arr
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#if defined(__cplusplus) && __cplusplus >= 201103L
#define _Noreturn [[noreturn]]
#endif

#define __printf_like(f, a) __attribute__((format(printf, f, a)))

#endif
