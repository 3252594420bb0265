/* Static keys (Linux's jump labels): a flag tested on a hot path and flipped
 * rarely, DEFINE_STATIC_KEY_FALSE(key) + if (static_branch_unlikely(&key)).
 * Linux patches the branch itself into a jump or a no-op when the key flips.
 * kernlab compiles each test as a plain branch on the key's counter: the same
 * meaning, without the code patching (the cost is one load and a compare).
 * C-compatible. */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* enabled > 0: the branch is taken. Counted, so static_key_slow_inc/dec nest. */
struct static_key {
    atomic_t enabled;
};
/* Which way the branch is laid out by default (for Linux's patching; kernlab
 * keeps the type so the API checks the same). */
struct static_key_true {
    struct static_key key;
};
struct static_key_false {
    struct static_key key;
};

#define STATIC_KEY_INIT_TRUE { .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE { .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_INIT STATIC_KEY_INIT_FALSE
#define STATIC_KEY_TRUE_INIT (struct static_key_true) { .key = STATIC_KEY_INIT_TRUE }
#define STATIC_KEY_FALSE_INIT (struct static_key_false) { .key = STATIC_KEY_INIT_FALSE }

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DEFINE_STATIC_KEY_TRUE_RO(name) DEFINE_STATIC_KEY_TRUE(name)
#define DEFINE_STATIC_KEY_FALSE_RO(name) DEFINE_STATIC_KEY_FALSE(name)
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
#define DEFINE_STATIC_KEY_ARRAY_TRUE(name, count) \
    struct static_key_true name[count] = { [0 ... (count) - 1] = STATIC_KEY_TRUE_INIT }
#define DEFINE_STATIC_KEY_ARRAY_FALSE(name, count) \
    struct static_key_false name[count] = { [0 ... (count) - 1] = STATIC_KEY_FALSE_INIT }

static inline int static_key_count(struct static_key *key) { return atomic_read(&key->enabled); }

/* Takes a struct static_key, static_key_true or static_key_false (each
 * begins with the counter). */
#ifdef __cplusplus
#define static_key_enabled(x) (static_key_count((struct static_key *)(x)) > 0)
#else
extern void ____wrong_branch_error(void);   /* never defined: a link error for the wrong type */
#define static_key_enabled(x)                                                       \
    ({                                                                              \
        if (!__builtin_types_compatible_p(__typeof__(*(x)), struct static_key) &&   \
            !__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_true) && \
            !__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_false))  \
            ____wrong_branch_error();                                               \
        static_key_count((struct static_key *)(x)) > 0;                             \
    })
#endif

/* The tests: likely/unlikely say which way Linux lays the code out. */
#define static_branch_likely(x) likely(static_key_enabled(&(x)->key))
#define static_branch_unlikely(x) unlikely(static_key_enabled(&(x)->key))
#define static_branch_maybe(config, x) static_branch_likely(x)
/* The older API on a bare struct static_key. */
static inline bool static_key_false(struct static_key *key) { return unlikely(static_key_count(key) > 0); }
static inline bool static_key_true(struct static_key *key) { return likely(static_key_count(key) > 0); }

/* Flipping: enable/disable set the key to 1/0; inc/dec count users. */
static inline void static_key_enable(struct static_key *key) { atomic_set(&key->enabled, 1); }
static inline void static_key_disable(struct static_key *key) { atomic_set(&key->enabled, 0); }
static inline void static_key_slow_inc(struct static_key *key) { atomic_inc(&key->enabled); }
static inline void static_key_slow_dec(struct static_key *key) { atomic_dec(&key->enabled); }
#define static_branch_enable(x) static_key_enable(&(x)->key)
#define static_branch_disable(x) static_key_disable(&(x)->key)
#define static_branch_inc(x) static_key_slow_inc(&(x)->key)
#define static_branch_dec(x) static_key_slow_dec(&(x)->key)
#define static_branch_enable_cpuslocked(x) static_branch_enable(x)
#define static_branch_disable_cpuslocked(x) static_branch_disable(x)

#endif
