/* `current`: the task running now. Modules and C call get_current(); in the
 * kernel's own C++ `current` is its Task* (kernel/include/kernel/sched.h). */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

#ifdef __cplusplus
extern "C" {
#endif
struct task_struct *get_current(void);
#ifdef __cplusplus
}
#endif

#if !defined(__cplusplus) || defined(MODULE)
#define current get_current()
#endif

#endif
