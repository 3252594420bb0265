/* Lock-dependency checks. kernlab has no lockdep (Linux without CONFIG_LOCKDEP):
 * the assertions are always true and cost nothing. */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#define lockdep_is_held(lock) (1)
#define lockdep_assert_held(lock) do { (void)(lock); } while (0)

#endif
