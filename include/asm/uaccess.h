/* Where code before Linux 4.12 looked for copy_to_user; it is in linux/uaccess.h. */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/uaccess.h>

#endif
