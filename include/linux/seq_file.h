/* seq_file: text files generated one record at a time (Linux's fs/seq_file.c API).
 * The buffer grows when a record does not fit, and a read at any offset replays
 * the records from index 0, so files stay correct across short reads. C-compatible. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct seq_operations;

struct seq_file {
    char *buf;
    size_t size;                 /* of buf */
    size_t from;                 /* first byte of buf not yet read */
    size_t count;                /* bytes in buf; count == size means "overflowed" */
    size_t pad_until;
    loff_t index;                /* the record start()/next() are at */
    loff_t read_pos;             /* file position the buffer corresponds to */
    int lock;                    /* kernlab: a read or seek is running (Linux's struct mutex) */
    const struct seq_operations *op;
    int poll_event;
    const struct file *file;
#ifdef __cplusplus
    void *private_data;          /* `private` in C, a keyword in C++ */
#else
    void *private;
#endif
};

struct seq_operations {
    void *(*start)(struct seq_file *m, loff_t *pos);
    void (*stop)(struct seq_file *m, void *v);
    void *(*next)(struct seq_file *m, void *v, loff_t *pos);
    int (*show)(struct seq_file *m, void *v);
};

/* What start() may return for "the header line" (not NULL, not a record). */
#define SEQ_START_TOKEN ((void *)1)
/* show() returns it to drop what it printed for this record. */
#define SEQ_SKIP 1

int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

/* seq_open plus a zeroed `psize`-byte block in m->private, freed by seq_release_private. */
void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize);
int seq_open_private(struct file *file, const struct seq_operations *op, int psize);
int seq_release_private(struct inode *inode, struct file *file);

/* The whole file from one show(m, data) call. */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_open_size(struct file *file, int (*show)(struct seq_file *, void *), void *data, size_t size);
int single_release(struct inode *inode, struct file *file);

/* Output. They return 0, or -1 when the buffer overflowed (Linux 3.x's int; newer
 * Linux returns void, so both styles of module compile). */
__printf(2, 0) int seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
__printf(2, 3) int seq_printf(struct seq_file *m, const char *fmt, ...);
int seq_puts(struct seq_file *m, const char *s);
int seq_putc(struct seq_file *m, char c);
int seq_write(struct seq_file *m, const void *data, size_t len);

/* True when the last output did not fit: seq_read retries with a bigger buffer. */
static inline bool seq_has_overflowed(struct seq_file *m)
{
    return m->count == m->size;
}

static inline size_t seq_get_buf(struct seq_file *m, char **bufp)
{
    if (m->count < m->size)
        *bufp = m->buf + m->count;
    else
        *bufp = NULL;
    return m->size - m->count;
}

#ifdef __cplusplus
}
#endif

#endif
