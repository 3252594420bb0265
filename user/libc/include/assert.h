/* <assert.h>: assert() prints the failed expression and aborts (disabled by NDEBUG). Re-includable. */
#include <features.h>

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
__BEGIN_DECLS
_Noreturn void __assert_fail(const char* expr, const char* file, unsigned int line, const char* func);
__END_DECLS
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif
