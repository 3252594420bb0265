/* struct cdev: a char driver's fops bound to a range of device numbers (Linux's cdev API). */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/fs.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cdev {
    struct module *owner;
    const struct file_operations *ops;
    dev_t dev;                 /* first number */
    unsigned int count;        /* how many minors from dev */
    struct cdev *next;         /* kernel: on the char-device map while added */
    bool allocated;            /* kernel: from cdev_alloc, freed by cdev_del */
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
/* Makes the numbers [dev, dev+count) open through cdev->ops; 0 or -EBUSY. */
int cdev_add(struct cdev *cdev, dev_t dev, unsigned count);
void cdev_del(struct cdev *cdev);

#ifdef __cplusplus
}
#endif

#endif
