/* <err.h>: BSD err/warn: print "prog: message: strerror(errno)" to stderr. */
#ifndef _ERR_H
#define _ERR_H

#include <features.h>
#include <stdarg.h>

__BEGIN_DECLS
void warn(const char* fmt, ...) __printf_like(1, 2);
void warnx(const char* fmt, ...) __printf_like(1, 2);
_Noreturn void err(int status, const char* fmt, ...) __printf_like(2, 3);
_Noreturn void errx(int status, const char* fmt, ...) __printf_like(2, 3);
void vwarn(const char* fmt, va_list ap) __printf_like(1, 0);
void vwarnx(const char* fmt, va_list ap) __printf_like(1, 0);
__END_DECLS

#endif
